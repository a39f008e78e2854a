using Collector.Core.Platforms;

namespace Collector.Core.Storage;

/// <summary>One failed collection attempt of a watchlist entry (recorded; never aborts the others).</summary>
/// <param name="NextAttemptAt">When the entry should be tried again; null means at its next scheduled slot.</param>
public sealed record AccountFailure(string WatchKey, DateTimeOffset At, PlatformError Error, DateTimeOffset? NextAttemptAt);
