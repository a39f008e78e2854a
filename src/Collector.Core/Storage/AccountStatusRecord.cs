using Collector.Core.Analytics;

namespace Collector.Core.Storage;

/// <summary>What the database knows of one watchlist entry: its account (if resolved), latest snapshot and state.</summary>
public sealed record AccountStatusRecord(
    string Platform,
    string WatchKey,
    long? AccountId,
    string? PlatformId,
    string? Handle,
    SnapshotRecord? Latest,
    CollectionStateRecord? State)
{
    /// <summary>
    /// The points the account's growth summary is computed from (<see cref="GrowthCalculator.Candidates"/> of its
    /// measured history, oldest first); empty without a measured snapshot.
    /// </summary>
    public IReadOnlyList<GrowthPoint> GrowthPoints { get; init; } = [];
}
