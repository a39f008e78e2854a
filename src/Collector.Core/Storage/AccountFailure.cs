using Collector.Core.Platforms;

namespace Collector.Core.Storage;

/// <summary>One failed collection attempt of a watchlist entry (recorded; never aborts the others).</summary>
/// <param name="NextAttemptAt">When the entry should be tried again; null means at its next scheduled slot.</param>
/// <param name="PlatformLevel">The failure was the platform's, not the entry's (rate limit, quota, refused credential,
/// a whole request that failed, a round deferred): the error is recorded but the entry's consecutive failures are
/// kept, so one bad hour of a platform does not push thousands of entries into a long back-off.</param>
public sealed record AccountFailure(
    string WatchKey, DateTimeOffset At, PlatformError Error, DateTimeOffset? NextAttemptAt, bool PlatformLevel = false);
