using Microsoft.Extensions.Logging;

namespace Collector.Platforms.Http;

/// <summary>Log events of the shared HTTP layer. Paths only, never query strings or headers.</summary>
internal static partial class PlatformHttpLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Platform} rate limit spent for {GateKey}: waiting {Wait} until {PausedUntil}")]
    public static partial void RateLimitPause(this ILogger logger, string platform, string gateKey, TimeSpan wait, DateTimeOffset? pausedUntil);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Platform} rate limit spent for {GateKey} until {PausedUntil}, beyond the {MaxWait} in-request wait: deferring")]
    public static partial void RateLimitDeferred(this ILogger logger, string platform, string gateKey, DateTimeOffset? pausedUntil, TimeSpan maxWait);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Platform} {Path}: retry {Attempt} in {Delay} after {Reason}")]
    public static partial void Retrying(this ILogger logger, string platform, string? path, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Platform} {Path}: server asked to wait until {RetryAt}, beyond the {MaxWait} in-request wait: not retrying")]
    public static partial void RetryRefused(this ILogger logger, string platform, string? path, DateTimeOffset retryAt, TimeSpan maxWait);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Platform} circuit opened for {BreakDuration} after repeated failures")]
    public static partial void CircuitOpened(this ILogger logger, string platform, TimeSpan breakDuration);
}
