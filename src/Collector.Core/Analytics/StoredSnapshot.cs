using Collector.Core.Storage;

namespace Collector.Core.Analytics;

/// <summary>A snapshot with its database id, which orders evaluation and marks how far it has got.</summary>
public sealed record StoredSnapshot(long Id, SnapshotRecord Snapshot);
