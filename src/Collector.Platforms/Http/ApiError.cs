using Collector.Core.Platforms;

namespace Collector.Platforms.Http;

/// <summary>An unsuccessful HTTP answer, mapped: the status, the platform's error code, and the typed error.</summary>
internal sealed record ApiError(int StatusCode, string? Code, PlatformError Error);
