namespace Collector.Core.Storage;

/// <summary>Read side used by <c>status</c>: the latest known facts of every entry the database has seen.</summary>
public interface IStatusReader
{
    /// <summary>One record per (platform, watch key) known to the database, in one query.</summary>
    Task<IReadOnlyList<AccountStatusRecord>> GetStatusAsync(CancellationToken cancellationToken);

    /// <summary>The record of one (platform, watch key), or null when the database has never seen it.</summary>
    Task<AccountStatusRecord?> GetStatusAsync(string platform, string watchKey, CancellationToken cancellationToken);

    /// <summary>
    /// For every account with snapshots, those taken within <paramref name="lookBack"/> of its latest one, oldest
    /// first: one list per account (never empty), in one read.
    /// </summary>
    IAsyncEnumerable<IReadOnlyList<SnapshotRecord>> GetRecentSnapshotsAsync(TimeSpan lookBack, CancellationToken cancellationToken);

    /// <summary>Snapshots of one account, oldest first, optionally since an instant.</summary>
    Task<IReadOnlyList<SnapshotRecord>> GetSnapshotsAsync(long accountId, DateTimeOffset? since, CancellationToken cancellationToken);
}
