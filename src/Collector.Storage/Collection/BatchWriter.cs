using Collector.Core.Storage;
using Microsoft.Data.Sqlite;

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
                session.Part(static connection => new Statements(connection)).Write(platform, observations, failures, cancellationToken);
                return true;
            },
            cancellationToken);

    private sealed class Statements : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly ObservationWriter _observations;
        private readonly FailureWriter _failures;

        public Statements(SqliteConnection connection)
        {
            _connection = connection;
            _observations = new ObservationWriter(connection);
            try
            {
                _failures = new FailureWriter(connection);
            }
            catch
            {
                _observations.Dispose();
                throw;
            }
        }

        /// <summary>
        /// One transaction (BEGIN IMMEDIATE: the write lock is taken, or waited for, up front; a deferred transaction
        /// would get SQLITE_BUSY without waiting when it upgrades mid-batch while another process writes). SQLite does
        /// the work synchronously whatever API is called, so the rows are written without a task per statement; a
        /// cancellation (shutdown) between rows leaves the transaction uncommitted and its dispose rolls it back.
        /// </summary>
        public void Write(
            string platform,
            IReadOnlyList<AccountObservation> observationRows,
            IReadOnlyList<AccountFailure> failureRows,
            CancellationToken cancellationToken)
        {
            using var transaction = _connection.BeginTransaction();
            _observations.Enlist(transaction);
            _failures.Enlist(transaction);
            _observations.Write(platform, observationRows, cancellationToken);

            for (var i = 0; i < failureRows.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _failures.Write(platform, failureRows[i]);
            }

            cancellationToken.ThrowIfCancellationRequested();
            transaction.Commit();
        }

        public void Dispose()
        {
            _observations.Dispose();
            _failures.Dispose();
        }
    }
}
