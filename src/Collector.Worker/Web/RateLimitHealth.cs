namespace Collector.Worker.Web;

/// <summary>A rate-limit window as last reported by the platform.</summary>
/// <param name="Key">The rate-limit gate, <c>platform:host</c>.</param>
/// <param name="PausedUntil">Requests wait or are deferred until then; null when not paused.</param>
internal sealed record RateLimitHealth(string Key, long? Limit, long? Remaining, DateTimeOffset? ResetAt, DateTimeOffset? PausedUntil);
