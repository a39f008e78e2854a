namespace Collector.Core.Collection;

/// <summary>What happened to one watchlist entry in a round.</summary>
public enum CollectionOutcome
{
    /// <summary>A snapshot was written.</summary>
    Collected,

    /// <summary>The attempt failed; the failure is recorded in the entry's collection state.</summary>
    Failed,

    /// <summary>Not attempted because the platform asked us to wait (rate limit, quota); retried at the reset.</summary>
    Deferred,

    /// <summary>Not attempted because the platform is not configured (no credential) or has no client.</summary>
    Skipped,
}
