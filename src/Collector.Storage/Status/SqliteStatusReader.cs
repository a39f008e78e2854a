using Collector.Core.Storage;

namespace Collector.Storage.Status;

/// <summary>The read side of <c>status</c> and <c>history</c> on SQLite.</summary>
internal sealed class SqliteStatusReader(SqliteConnectionFactory connections) : IStatusReader
{
    // Every join is a primary-key lookup (latest_snapshot_id is kept by a trigger), so the cost grows with the
    // number of entries, not with the number of snapshots: no max() or window over the snapshot table.
    internal const string StatusSql = $"""
        SELECT w.platform, w.watch_key, a.id, a.platform_id, a.handle,
               w.last_attempt_at, w.last_success_at, w.consecutive_failures,
               w.last_error_kind, w.last_error, w.next_attempt_at,
               {SnapshotColumns.Select}
          FROM watch_entries AS w
          LEFT JOIN accounts AS a ON a.id = w.account_id
          LEFT JOIN snapshots AS s ON s.id = a.latest_snapshot_id
         ORDER BY w.platform, w.watch_key;
        """;

    // A missing bound is the smallest instant, so one statement serves both cases with the
    // (account_id, collected_at) index (an "IS NULL OR" form would hide the range from the planner).
    internal const string SnapshotsSql = $"""
        SELECT {SnapshotColumns.Select}
          FROM snapshots AS s
         WHERE s.account_id = $account_id AND s.collected_at >= $since
         ORDER BY s.collected_at, s.id;
        """;

    private const int FirstSnapshotColumn = 11;

    public async Task<IReadOnlyList<AccountStatusRecord>> GetStatusAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = StatusSql;

        var records = new List<AccountStatusRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var state = new CollectionStateRecord(
                LastAttemptAt: reader.GetNullableInstant(5),
                LastSuccessAt: reader.GetNullableInstant(6),
                ConsecutiveFailures: reader.GetInt32(7),
                LastErrorKind: reader.GetNullableString(8),
                LastError: reader.GetNullableString(9),
                NextAttemptAt: reader.GetNullableInstant(10));

            records.Add(new AccountStatusRecord(
                Platform: reader.GetString(0),
                WatchKey: reader.GetString(1),
                AccountId: reader.GetNullableInt64(2),
                PlatformId: reader.GetNullableString(3),
                Handle: reader.GetNullableString(4),
                Latest: SnapshotColumns.Read(reader, FirstSnapshotColumn),
                State: state));
        }

        return records;
    }

    public async Task<IReadOnlyList<SnapshotRecord>> GetSnapshotsAsync(
        long accountId, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = SnapshotsSql;
        command.Parameters.AddWithValue("$account_id", accountId);
        command.Parameters.AddWithValue("$since", SqliteInstant.ToStored(since ?? DateTimeOffset.MinValue));

        var snapshots = new List<SnapshotRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            snapshots.Add(SnapshotColumns.Read(reader, 0)!);
        }

        return snapshots;
    }
}
