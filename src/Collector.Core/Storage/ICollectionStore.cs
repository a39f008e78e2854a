using Collector.Core.Accounts;

namespace Collector.Core.Storage;

/// <summary>What the collection use case needs from storage.</summary>
public interface ICollectionStore
{
    /// <summary>The entries among <paramref name="watchKeys"/> that were resolved before, keyed by watch key.</summary>
    /// <exception cref="StorageException">The database cannot be read (damaged, unreadable, locked too long).</exception>
    Task<IReadOnlyDictionary<string, TrackedAccount>> GetTrackedAccountsAsync(
        string platform, IReadOnlyCollection<string> watchKeys, CancellationToken cancellationToken);

    /// <summary>
    /// The consecutive failures recorded for the entries among <paramref name="watchKeys"/>, keyed by watch key;
    /// entries with none (or never seen) are left out. The back-off of the next failure is computed from them.
    /// </summary>
    Task<IReadOnlyDictionary<string, int>> GetConsecutiveFailuresAsync(
        string platform, IReadOnlyCollection<string> watchKeys, CancellationToken cancellationToken);

    /// <summary>
    /// Writes one batch atomically: for each observation, upserts the account by stable id (recording a handle
    /// change in the handle history), links the watch key to it, appends a snapshot and marks the entry's
    /// collection state successful; for each failure, updates the entry's collection state (adding one to its
    /// consecutive failures unless <see cref="AccountFailure.PlatformLevel"/>). All or nothing.
    /// </summary>
    /// <exception cref="StorageException">
    /// The database cannot take the write (disk full, read-only, locked too long, I/O error); nothing of the batch
    /// was written.
    /// </exception>
    Task SaveBatchAsync(
        string platform,
        IReadOnlyList<AccountObservation> observations,
        IReadOnlyList<AccountFailure> failures,
        CancellationToken cancellationToken);
}
