using Collector.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Collection;

/// <summary>
/// Writes successful observations with statements prepared once per connection and re-bound per row. In the steady
/// state (an entry resolved before, the account as its round found it, no failure state to clear) an observation is
/// its snapshot insert and nothing else; the account, its handle span and its watch entry are written only when they
/// change (0005_lean_writes.sql), by <see cref="AccountChangeWriter"/>.
/// </summary>
internal sealed class ObservationWriter : IDisposable
{
    private readonly SnapshotInserts _snapshots;
    private readonly AccountChangeWriter _changes;

    public ObservationWriter(SqliteConnection connection)
    {
        _snapshots = new SnapshotInserts(connection);
        _changes = new AccountChangeWriter(connection, _snapshots);
    }

    public void Enlist(SqliteTransaction transaction) => _changes.Enlist(transaction);

    public void Write(string platform, IReadOnlyList<AccountObservation> observations, CancellationToken cancellationToken)
    {
        foreach (var observation in observations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!TryInsertUnchanged(observation))
            {
                _changes.Write(platform, observation);
            }
        }
    }

    /// <summary>
    /// Inserts the snapshot when the round found the entry resolved and without failure state and the platform reports
    /// the account as the round found it; false (nothing written) otherwise. What another process writes between the
    /// round's read (before its first request) and this write (a rename, a failure of the same entry) is not seen here:
    /// the next round reads it and records the difference, as a second collector of the same entries would anyway.
    /// Keyed by the account id the round read: looking the entry and the account up by their text keys again, in the insert or before it, cost more
    /// than the insert itself (docs/benchmarks.md, storage).
    /// </summary>
    private bool TryInsertUnchanged(AccountObservation observation)
    {
        var profile = observation.Profile;
        if (observation.Known is not { HasFailureState: false } known
            || !string.Equals(known.PlatformId, profile.PlatformId, StringComparison.Ordinal)
            || !string.Equals(known.Handle, profile.Handle, StringComparison.Ordinal)
            || (profile.PostsRef is not null && !string.Equals(known.PostsRef, profile.PostsRef, StringComparison.Ordinal)))
        {
            return false;
        }

        _snapshots.Write(known.AccountId, SqliteInstant.ToStored(observation.CollectedAt), observation);
        return true;
    }

    public void Dispose()
    {
        _snapshots.Dispose();
        _changes.Dispose();
    }
}
