namespace Collector.Platforms.Http;

/// <summary>What a response said about its rate-limit window, in any platform's dialect.</summary>
/// <param name="Limit">Requests allowed in the window.</param>
/// <param name="Remaining">Requests left in the window.</param>
/// <param name="ResetAt">When the window resets, as the platform stated it (no safety margin added).</param>
/// <param name="Window">The window length when the platform states it (Bluesky <c>RateLimit-Policy: 3000;w=300</c>).</param>
internal sealed record RateLimitInfo(long? Limit, long? Remaining, DateTimeOffset? ResetAt, TimeSpan? Window = null)
{
    public bool IsExhausted => Remaining is 0;
}
