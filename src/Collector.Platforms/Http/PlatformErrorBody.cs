using Collector.Core.Platforms;

namespace Collector.Platforms.Http;

/// <summary>A platform error body, read: its error code, its message, and the kind it implies (null: decide by status).</summary>
internal sealed record PlatformErrorBody(string? Code, string? Message, PlatformErrorKind? Kind = null);
