namespace Collector.Core.Storage;

/// <summary>A platform that is paused as a whole (refused credential, quota, rate limit, every account failing).</summary>
/// <param name="Reason">A <see cref="Platforms.PlatformErrorKind"/> name.</param>
/// <param name="Message">What failed, safe to show and store (never a secret).</param>
/// <param name="Since">The first failing round of this episode; the unhealthy notification's identity.</param>
/// <param name="Until">When the platform should be tried again; null means at the next scheduled slot.</param>
/// <param name="ConsecutiveFailures">Failing rounds in a row, for the platform's own back-off.</param>
public sealed record PlatformStateRecord(
    string Platform,
    string Reason,
    string Message,
    DateTimeOffset Since,
    DateTimeOffset? Until,
    int ConsecutiveFailures);
