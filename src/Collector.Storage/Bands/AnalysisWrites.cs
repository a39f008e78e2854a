using Collector.Core.Analytics;
using Collector.Storage.Analytics;
using Collector.Storage.Notifications;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Bands;

/// <summary>
/// The analysis's writes for a batch (band states, growth points, events and their outbox rows) in one transaction;
/// the per-account statements are compiled once for the shared connection (<see cref="SharedConnection"/>).
/// </summary>
internal sealed class AnalysisWrites : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly BandStateWriter _states;
    private readonly GrowthPointsWriter _growth;

    public AnalysisWrites(SqliteConnection connection)
    {
        _connection = connection;
        _states = new BandStateWriter(connection);
        try
        {
            _growth = new GrowthPointsWriter(connection);
        }
        catch
        {
            _states.Dispose();
            throw;
        }
    }

    public void Save(IReadOnlyList<AnalysisUpdate> updates, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var transaction = _connection.BeginTransaction();
        AccountEventWriter? events = null;
        OutboxWriter? outbox = null;
        try
        {
            foreach (var update in updates)
            {
                cancellationToken.ThrowIfCancellationRequested();

                // The cursor moved meanwhile: another process evaluated these snapshots and stored the same result.
                if (!_states.Write(update, now))
                {
                    continue;
                }

                // New snapshots move the account's growth: its points are kept current with its band state.
                _growth.Write(update.AccountId, update.GrowthPoints, now);

                foreach (var accountEvent in update.Events)
                {
                    (events ??= new AccountEventWriter(_connection, transaction)).Write(accountEvent);
                }

                foreach (var entry in update.Notifications)
                {
                    (outbox ??= new OutboxWriter(_connection, transaction)).Write(entry, now);
                }
            }

            transaction.Commit();
        }
        finally
        {
            events?.Dispose();
            outbox?.Dispose();
        }
    }

    public void Dispose()
    {
        _states.Dispose();
        _growth.Dispose();
    }
}
