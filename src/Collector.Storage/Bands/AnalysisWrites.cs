using Collector.Core.Analytics;
using Collector.Storage.Analytics;
using Collector.Storage.Notifications;

namespace Collector.Storage.Bands;

/// <summary>
/// The analysis's writes for a batch (band states, growth points, events and their outbox rows) in one transaction;
/// the per-account statements are compiled once for the shared connection (<see cref="SharedConnection"/>).
/// </summary>
internal static class AnalysisWrites
{
    public static void Save(
        SharedConnection.Session session, IReadOnlyList<AnalysisUpdate> updates, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var states = session.Part(static connection => new BandStateWriter(connection));
        var growth = session.Part(static connection => new GrowthPointsWriter(connection));
        var connection = session.Connection;
        using var transaction = connection.BeginTransaction();
        AccountEventWriter? events = null;
        OutboxWriter? outbox = null;
        try
        {
            foreach (var update in updates)
            {
                cancellationToken.ThrowIfCancellationRequested();

                // The cursor moved meanwhile: another process evaluated these snapshots and stored the same result.
                if (!states.Write(update, now))
                {
                    continue;
                }

                // New snapshots move the account's growth: its points are kept current with its band state.
                growth.Write(update.AccountId, update.GrowthPoints, now);

                foreach (var accountEvent in update.Events)
                {
                    (events ??= new AccountEventWriter(connection, transaction)).Write(accountEvent);
                }

                foreach (var entry in update.Notifications)
                {
                    (outbox ??= new OutboxWriter(connection, transaction)).Write(entry, now);
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
}
