using Microsoft.Extensions.Logging;

namespace Collector.Worker.Tests.Run;

internal sealed record CapturedLog(string Category, LogLevel Level, string Message);
