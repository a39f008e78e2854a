namespace Collector.Worker.Output;

/// <summary>One row of <c>status</c> (SPEC "Commands": the <c>status --json</c> fields, plus a few extras).</summary>
/// <param name="Growth">Follower growth and band-entry projection; null when the account has no snapshot.</param>
/// <param name="PausedUntil">When the account (or its whole platform) is tried again, if it is paused now.</param>
/// <param name="PauseReason">Why it is paused (its back-off, a deferral, or the platform's state); null if it is not.</param>
internal sealed record StatusRow(
    string Platform,
    string Handle,
    string? CurrentHandle,
    string? PlatformId,
    long? Followers,
    long? Following,
    long? Posts,
    double? EngagementRate,
    int PostsSampled,
    string Tier,
    DateTimeOffset? LastCollectedAt,
    DateTimeOffset? LastAttemptAt,
    int ConsecutiveFailures,
    string? LastError,
    DateTimeOffset? NextAttemptAt,
    IReadOnlyList<string> Tags,
    GrowthView? Growth = null,
    DateTimeOffset? PausedUntil = null,
    string? PauseReason = null);
