using Collector.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Collection;

/// <summary>
/// The collection's one writer connection, kept open with its statements compiled. Opening a connection, running its
/// pragmas and compiling the statements cost several times a small batch's own writes, and SQLite has one writer at a
/// time anyway, so batches of this process take turns here instead of each opening its own connection.
/// After any failure the connection is dropped and the next batch opens a fresh one: nothing of a failed batch
/// survives in it, and a condition that changed meanwhile (space freed, file replaced) is seen anew.
/// </summary>
internal sealed class BatchWriter(SqliteConnectionFactory connections) : IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private Session? _session;

    public async Task WriteAsync(
        string platform,
        IReadOnlyList<AccountObservation> observations,
        IReadOnlyList<AccountFailure> failures,
        CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            _session ??= await Session.OpenAsync(connections, cancellationToken);
            _session.Write(platform, observations, failures, cancellationToken);
        }
        catch
        {
            _session?.Dispose();
            _session = null;
            throw;
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose()
    {
        _session?.Dispose();
        _session = null;
        _turn.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed class Session(SqliteConnection connection, ObservationWriter observations, FailureWriter failures) : IDisposable
    {
        public static async Task<Session> OpenAsync(SqliteConnectionFactory connections, CancellationToken cancellationToken)
        {
            var connection = await connections.OpenAsync(cancellationToken);
            ObservationWriter? observations = null;
            try
            {
                observations = new ObservationWriter(connection);
                return new Session(connection, observations, new FailureWriter(connection));
            }
            catch
            {
                observations?.Dispose();
                await connection.DisposeAsync();
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
            using var transaction = connection.BeginTransaction();
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

        public void Dispose()
        {
            observations.Dispose();
            failures.Dispose();
            connection.Dispose();
        }
    }
}
