using Collector.Core.Storage;

namespace Collector.Storage.Collection;

/// <summary>
/// Writes a batch's observations and failures on the shared connection (<see cref="SharedConnection"/>), with their
/// statements compiled once for it. A failed batch drops the connection, so nothing of it survives there.
/// </summary>
internal sealed class BatchWriter(SqliteConnectionFactory connections)
{
    public Task WriteAsync(
        string platform,
        IReadOnlyList<AccountObservation> observations,
        IReadOnlyList<AccountFailure> failures,
        CancellationToken cancellationToken) =>
        connections.Shared.RunAsync(
            session =>
            {
                Write(session, platform, observations, failures, cancellationToken);
                return true;
            },
            cancellationToken);

    /// <summary>
    /// One transaction (BEGIN IMMEDIATE: the write lock is taken, or waited for, up front; a deferred transaction
    /// would get SQLITE_BUSY without waiting when it upgrades mid-batch while another process writes). SQLite does
    /// the work synchronously whatever API is called, so the rows are written without a task per statement; a
    /// cancellation (shutdown) between rows leaves the transaction uncommitted and its dispose rolls it back.
    /// </summary>
    private static void Write(
        SharedConnection.Session session,
        string platform,
        IReadOnlyList<AccountObservation> observationRows,
        IReadOnlyList<AccountFailure> failureRows,
        CancellationToken cancellationToken)
    {
        var observations = session.Part(static connection => new ObservationWriter(connection));
        var failures = session.Part(static connection => new FailureWriter(connection));
        using var transaction = session.Connection.BeginTransaction();
        observations.Enlist(transaction);
        failures.Enlist(transaction);
        observations.Write(platform, observationRows, cancellationToken);

        for (var i = 0; i < failureRows.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            failures.Write(platform, failureRows[i]);
        }

        cancellationToken.ThrowIfCancellationRequested();
        transaction.Commit();
    }
}
