namespace Collector.Worker.Web;

/// <summary>One platform in <c>/healthz</c>.</summary>
/// <param name="Configured">False when the platform has no client or lacks its credential: its accounts are skipped.</param>
/// <param name="LastSuccessAt">The latest successful collection of any of its watched accounts (from the database).</param>
/// <param name="ConsecutiveFailures">Scheduled rounds in a row, since start, that collected nothing because of failures.</param>
/// <param name="Pause">Why the platform is paused (bad credential, quota, rate limit) and until when; null when healthy.</param>
internal sealed record PlatformHealth(
    string Platform,
    bool Configured,
    int Accounts,
    DateTimeOffset? LastSuccessAt,
    int ConsecutiveFailures,
    string? LastError,
    IReadOnlyList<RateLimitHealth> RateLimits,
    QuotaHealth? Quota,
    PlatformPause? Pause = null);
