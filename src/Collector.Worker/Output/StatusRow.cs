namespace Collector.Worker.Output;

/// <summary>One row of <c>status</c> (SPEC "Commands": the <c>status --json</c> fields, plus a few extras).</summary>
/// <param name="Growth">Follower growth and band-entry projection; null when the account has no snapshot.</param>
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
    GrowthView? Growth = null);
