using System.Text.Json;
using Collector.Core.Analytics;
using Collector.Core.Bands;
using Collector.Storage.Analytics;
using Collector.Storage.Notifications;
using Collector.Storage.Status;

namespace Collector.Storage.Bands;

/// <summary>The analysis port on SQLite: band states, account events and their outbox rows.</summary>
internal sealed class SqliteAnalysisStore(SqliteConnectionFactory connections, TimeProvider time) : IAnalysisStore
{
    // IN (subquery) over json_each for the same reason as the tracked-accounts query: no per-call SQL, no quadratic plan.
    internal const string AccountsSql = """
        SELECT a.id, a.platform_id, a.handle,
               b.confirmed_tier, b.pending_tier, coalesce(b.pending_count, 0), coalesce(b.last_snapshot_id, 0)
          FROM accounts AS a
          LEFT JOIN band_states AS b ON b.account_id = a.id
         WHERE a.platform = $platform
           AND a.platform_id IN (SELECT value FROM json_each($platform_ids));
        """;

    // New snapshots (after each account's cursor) however old, plus the spike look-back around them, for the whole
    // batch in one read: a query per account cost more in its round trip than in its rows.
    internal const string SnapshotsSql = $"""
        SELECT s.id, {SnapshotColumns.Select}
          FROM accounts AS a
          LEFT JOIN band_states AS b ON b.account_id = a.id
          JOIN snapshots AS s ON s.account_id = a.id
         WHERE a.platform = $platform
           AND a.platform_id IN (SELECT value FROM json_each($platform_ids))
           AND (s.id > coalesce(b.last_snapshot_id, 0) OR s.collected_at >= $since)
         ORDER BY a.id, s.collected_at, s.id;
        """;

    public async Task<IReadOnlyList<AnalysisInput>> LoadAsync(
        string platform, IReadOnlyCollection<string> platformIds, DateTimeOffset historySince, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(platformIds);
        var ids = JsonSerializer.Serialize(platformIds);
        await using var connection = await connections.OpenAsync(cancellationToken);

        // Both reads in one transaction: a batch committed in between cannot add snapshots the states do not cover.
        await using var transaction = connection.BeginTransaction(deferred: true);
        var accounts = new List<(long Id, string PlatformId, string Handle, BandState State, long Cursor)>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = AccountsSql;
            command.Parameters.AddWithValue("$platform", platform);
            command.Parameters.AddWithValue("$platform_ids", ids);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var state = new BandState(ReadTier(reader.GetNullableString(3)), ReadTier(reader.GetNullableString(4)), reader.GetInt32(5));
                accounts.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), state, reader.GetInt64(6)));
            }
        }

        var byAccount = new Dictionary<long, List<StoredSnapshot>>(accounts.Count);
        using (var snapshots = new RawStatement(connection, SnapshotsSql))
        {
            snapshots.Bind("$platform", platform);
            snapshots.Bind("$platform_ids", ids);
            snapshots.Bind("$since", SqliteInstant.ToStored(historySince));
            while (snapshots.Step())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var snapshot = SnapshotColumns.Read(snapshots, 1)!;
                if (!byAccount.TryGetValue(snapshot.AccountId, out var rows))
                {
                    byAccount[snapshot.AccountId] = rows = [];
                }

                rows.Add(new StoredSnapshot(snapshots.Int64(0), snapshot));
            }
        }

        return [.. accounts.Select(account => new AnalysisInput(
            account.Id, account.PlatformId, account.Handle, account.State, account.Cursor,
            byAccount.TryGetValue(account.Id, out var rows) ? rows : []))];
    }

    public async Task SaveAsync(IReadOnlyList<AnalysisUpdate> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        if (updates.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        await using (var writer = new AccountEventWriter(connection, transaction))
        await using (var outbox = new OutboxWriter(connection, transaction))
        using (var growth = new GrowthPointsWriter(connection))
        {
            foreach (var update in updates)
            {
                cancellationToken.ThrowIfCancellationRequested();

                // The cursor moved meanwhile: another process evaluated these snapshots and stored the same result.
                if (!writer.WriteState(update, now))
                {
                    continue;
                }

                // New snapshots move the account's growth: its points are kept current with its band state.
                growth.Refresh(update.AccountId, now);

                foreach (var accountEvent in update.Events)
                {
                    await writer.WriteEventAsync(accountEvent, cancellationToken);
                }

                foreach (var entry in update.Notifications)
                {
                    await outbox.WriteAsync(entry, now, cancellationToken);
                }
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static Tier? ReadTier(string? wire) => wire is null ? null : TierNames.Parse(wire);
}
