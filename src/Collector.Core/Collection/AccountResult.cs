using Collector.Core.Metrics;
using Collector.Core.Platforms;
using Collector.Core.Watchlist;

namespace Collector.Core.Collection;

/// <summary>The result of one watchlist entry in a round, for summaries and exit codes.</summary>
public sealed record AccountResult(
    WatchedAccount Account,
    CollectionOutcome Outcome,
    PlatformError? Error = null,
    ProfileMetrics? Profile = null,
    EngagementSummary? Engagement = null);
