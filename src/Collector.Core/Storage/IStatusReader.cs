namespace Collector.Core.Storage;

/// <summary>Read side used by <c>status</c>: the latest known facts of every entry the database has seen.</summary>
public interface IStatusReader
{
    /// <summary>One record per (platform, watch key) known to the database, with its growth points, in one query.</summary>
    Task<IReadOnlyList<AccountStatusRecord>> GetStatusAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The records of <see cref="GetStatusAsync(CancellationToken)"/>, each handed over as soon as it is read instead
    /// of all held at once. The entries are read in parts side by side: each part opens its own state with
    /// <paramref name="openPart"/>, then adds its records to that state in entry order, from one thread at a time.
    /// </summary>
    /// <returns>The parts' states, in entry order.</returns>
    Task<IReadOnlyList<TPart>> ReadStatusAsync<TPart>(
        Func<TPart> openPart, Action<TPart, AccountStatusRecord> add, CancellationToken cancellationToken);

    /// <summary>
    /// The collection state of every (platform, watch key) known to the database, without the snapshot and growth
    /// columns of <see cref="GetStatusAsync(CancellationToken)"/>: a fraction of its reading and memory.
    /// </summary>
    Task<IReadOnlyList<WatchEntryState>> GetStatesAsync(CancellationToken cancellationToken);

    /// <summary>The record of one (platform, watch key), or null when the database has never seen it.</summary>
    Task<AccountStatusRecord?> GetStatusAsync(string platform, string watchKey, CancellationToken cancellationToken);

    /// <summary>Snapshots of one account, oldest first, optionally since an instant.</summary>
    Task<IReadOnlyList<SnapshotRecord>> GetSnapshotsAsync(long accountId, DateTimeOffset? since, CancellationToken cancellationToken);
}
