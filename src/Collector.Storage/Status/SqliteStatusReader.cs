using System.Runtime.CompilerServices;
using Collector.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Status;

/// <summary>The read side of <c>status</c> and <c>history</c> on SQLite.</summary>
internal sealed class SqliteStatusReader(SqliteConnectionFactory connections) : IStatusReader
{
    private const string StatusSelect = $"""
        SELECT w.platform, w.watch_key, a.id, a.platform_id, a.handle,
               w.last_attempt_at, w.last_success_at, w.consecutive_failures,
               w.last_error_kind, w.last_error, w.next_attempt_at,
               {SnapshotColumns.Select}
          FROM watch_entries AS w
          LEFT JOIN accounts AS a ON a.id = w.account_id
          LEFT JOIN snapshots AS s ON s.id = a.latest_snapshot_id
        """;

    // Every join is a primary-key lookup (latest_snapshot_id is kept by a trigger), so the cost grows with the
    // number of entries, not with the number of snapshots: no max() or window over the snapshot table.
    internal const string StatusSql = $"""
        {StatusSelect}
         ORDER BY w.platform, w.watch_key;
        """;

    // One entry through the (platform, watch_key) key: `history` of one account must not read every entry.
    internal const string EntrySql = $"""
        {StatusSelect}
         WHERE w.platform = $platform AND w.watch_key = $watch_key;
        """;

    // A missing bound is the smallest instant, so one statement serves both cases with the
    // (account_id, collected_at) index (an "IS NULL OR" form would hide the range from the planner).
    internal const string SnapshotsSql = $"""
        SELECT {SnapshotColumns.Select}
          FROM snapshots AS s
         WHERE s.account_id = $account_id AND s.collected_at >= $since
         ORDER BY s.collected_at, s.id;
        """;

    // Accounts in key order, each one's latest snapshot by key and its recent ones by a range of the
    // (account_id, collected_at) index: already in the order asked for, so nothing is sorted or held.
    internal const string RecentSnapshotsSql = $"""
        SELECT {SnapshotColumns.Select}
          FROM accounts AS a
          JOIN snapshots AS l ON l.id = a.latest_snapshot_id
          JOIN snapshots AS s ON s.account_id = a.id AND s.collected_at >= l.collected_at - $look_back
         ORDER BY a.id, s.collected_at, s.id;
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
            records.Add(ReadStatus(reader));
        }

        return records;
    }

    public async Task<AccountStatusRecord?> GetStatusAsync(string platform, string watchKey, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = EntrySql;
        command.Parameters.AddWithValue("$platform", platform);
        command.Parameters.AddWithValue("$watch_key", watchKey);

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadStatus(reader) : null;
    }

    public async IAsyncEnumerable<IReadOnlyList<SnapshotRecord>> GetRecentSnapshotsAsync(
        TimeSpan lookBack, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = RecentSnapshotsSql;
        command.Parameters.AddWithValue("$look_back", (long)lookBack.TotalMilliseconds);

        // One account's rows are held at a time, however many snapshots the table has.
        var account = new List<SnapshotRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var snapshot = SnapshotColumns.Read(reader, 0)!;
            if (account.Count > 0 && account[0].AccountId != snapshot.AccountId)
            {
                yield return account;
                account = [];
            }

            account.Add(snapshot);
        }

        if (account.Count > 0)
        {
            yield return account;
        }
    }

    private static AccountStatusRecord ReadStatus(SqliteDataReader reader)
    {
        var state = new CollectionStateRecord(
            LastAttemptAt: reader.GetNullableInstant(5),
            LastSuccessAt: reader.GetNullableInstant(6),
            ConsecutiveFailures: reader.GetInt32(7),
            LastErrorKind: reader.GetNullableString(8),
            LastError: reader.GetNullableString(9),
            NextAttemptAt: reader.GetNullableInstant(10));

        return new AccountStatusRecord(
            Platform: reader.GetString(0),
            WatchKey: reader.GetString(1),
            AccountId: reader.GetNullableInt64(2),
            PlatformId: reader.GetNullableString(3),
            Handle: reader.GetNullableString(4),
            Latest: SnapshotColumns.Read(reader, FirstSnapshotColumn),
            State: state);
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
