using Collector.Core.Platforms;
using Collector.Core.Watchlist;

namespace Collector.Core.Collection;

/// <summary>The result of one watchlist entry in a round, for summaries and exit codes.</summary>
/// <remarks>
/// No metrics: a round's report lives until the round ends, and its readers (summary, metrics, platform health) need
/// only outcomes and errors; holding every profile to the end kept a 100,000-account round's metrics alive after they
/// were stored. The metrics are in the snapshots.
/// </remarks>
public sealed record AccountResult(
    WatchedAccount Account,
    CollectionOutcome Outcome,
    PlatformError? Error = null);
