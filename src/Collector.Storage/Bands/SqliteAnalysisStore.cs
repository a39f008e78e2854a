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

    // New snapshots (after the cursor) however old, plus the spike look-back around them.
    internal const string SnapshotsSql = $"""
        SELECT s.id, {SnapshotColumns.Select}
          FROM snapshots AS s
         WHERE s.account_id = $account_id
           AND (s.id > $cursor OR s.collected_at >= $since)
         ORDER BY s.collected_at, s.id;
        """;

    public async Task<IReadOnlyList<AnalysisInput>> LoadAsync(
        string platform, IReadOnlyCollection<string> platformIds, DateTimeOffset historySince, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(platformIds);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var accounts = new List<(long Id, string PlatformId, string Handle, BandState State, long Cursor)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = AccountsSql;
            command.Parameters.AddWithValue("$platform", platform);
            command.Parameters.AddWithValue("$platform_ids", JsonSerializer.Serialize(platformIds));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var state = new BandState(ReadTier(reader.GetNullableString(3)), ReadTier(reader.GetNullableString(4)), reader.GetInt32(5));
                accounts.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), state, reader.GetInt64(6)));
            }
        }

        var inputs = new List<AnalysisInput>(accounts.Count);
        await using var snapshots = connection.CreateCommand();
        snapshots.CommandText = SnapshotsSql;
        var accountId = snapshots.Parameters.AddWithValue("$account_id", 0L);
        var cursor = snapshots.Parameters.AddWithValue("$cursor", 0L);
        snapshots.Parameters.AddWithValue("$since", SqliteInstant.ToStored(historySince));
        foreach (var account in accounts)
        {
            accountId.Value = account.Id;
            cursor.Value = account.Cursor;
            var rows = new List<StoredSnapshot>();
            await using (var reader = await snapshots.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add(new StoredSnapshot(reader.GetInt64(0), SnapshotColumns.Read(reader, 1)!));
                }
            }

            inputs.Add(new AnalysisInput(account.Id, account.PlatformId, account.Handle, account.State, account.Cursor, rows));
        }

        return inputs;
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
        using (var growth = new GrowthPointsWriter(connection, transaction))
        {
            foreach (var update in updates)
            {
                // The cursor moved meanwhile: another process evaluated these snapshots and stored the same result.
                if (!await writer.WriteStateAsync(update, now, cancellationToken))
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
