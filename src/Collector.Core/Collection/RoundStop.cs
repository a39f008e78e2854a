using Collector.Core.Platforms;

namespace Collector.Core.Collection;

/// <summary>
/// Remembers the first platform-level failure of a round (rate limit, quota, bad credential) so that batches not
/// yet started are deferred or failed with the same reason instead of sending requests that cannot succeed.
/// </summary>
internal sealed class RoundStop
{
    private PlatformError? _error;

    public PlatformError? Error => Volatile.Read(ref _error);

    public static bool IsPlatformLevel(PlatformErrorKind kind) =>
        kind is PlatformErrorKind.RateLimited or PlatformErrorKind.QuotaExceeded
            or PlatformErrorKind.Unauthorized or PlatformErrorKind.NotConfigured;

    /// <summary>
    /// Whether <paramref name="error"/> ends the round for the whole platform. A scoped failure (one Mastodon
    /// instance rate limited or asking for a token) only concerns the accounts on that part of the platform.
    /// </summary>
    public static bool StopsRound(PlatformError error) => error.Scope is null && IsPlatformLevel(error.Kind);

    public void Trip(PlatformError error) => Interlocked.CompareExchange(ref _error, error, null);

    /// <summary>Rate limit and quota are "wait and retry"; a bad credential is a failure.</summary>
    public static CollectionOutcome OutcomeFor(PlatformError error) =>
        error.Kind is PlatformErrorKind.RateLimited or PlatformErrorKind.QuotaExceeded
            ? CollectionOutcome.Deferred
            : CollectionOutcome.Failed;
}
