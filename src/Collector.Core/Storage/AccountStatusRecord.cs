namespace Collector.Core.Storage;

/// <summary>What the database knows of one watchlist entry: its account (if resolved), latest snapshot and state.</summary>
public sealed record AccountStatusRecord(
    string Platform,
    string WatchKey,
    long? AccountId,
    string? PlatformId,
    string? Handle,
    SnapshotRecord? Latest,
    CollectionStateRecord? State);
