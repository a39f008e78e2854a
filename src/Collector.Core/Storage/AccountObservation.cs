using Collector.Core.Accounts;
using Collector.Core.Metrics;

namespace Collector.Core.Storage;

/// <summary>One successful observation of a watchlist entry, to be written as a snapshot.</summary>
/// <param name="WatchKey">The watchlist entry's normalized handle.</param>
/// <param name="Engagement">Null when engagement was not sampled (engagement_posts = 0).</param>
public sealed record AccountObservation(
    string WatchKey,
    DateTimeOffset CollectedAt,
    ProfileMetrics Profile,
    EngagementSummary? Engagement,
    DataQuality Quality)
{
    /// <summary>
    /// What the database held for the entry when its round started (null for an entry not resolved before): the store
    /// then writes the snapshot without reading the account and entry again, when neither has changed meanwhile.
    /// </summary>
    public TrackedAccount? Known { get; init; }
}
