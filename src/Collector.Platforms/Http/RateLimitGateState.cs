namespace Collector.Platforms.Http;

/// <summary>The last rate-limit state seen for one gate key, for health and metrics.</summary>
/// <param name="Key">Platform (and host for multi-instance platforms), e.g. <c>bluesky:public.api.bsky.app</c>.</param>
/// <param name="PausedUntil">Requests for this key wait (or are deferred) until then; null when not paused.</param>
/// <param name="ObservedAt">When the response that set this state arrived.</param>
public sealed record RateLimitGateState(
    string Key,
    long? Limit,
    long? Remaining,
    DateTimeOffset? ResetAt,
    DateTimeOffset? PausedUntil,
    DateTimeOffset ObservedAt);
