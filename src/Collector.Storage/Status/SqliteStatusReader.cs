using System.Runtime.CompilerServices;
using Collector.Core.Analytics;
using Collector.Core.Storage;
using Collector.Storage.Analytics;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Status;

/// <summary>The read side of <c>status</c> and <c>history</c> on SQLite.</summary>
internal sealed class SqliteStatusReader(SqliteConnectionFactory connections) : IStatusReader
{
    // The latest snapshot is one backward seek of ix_snapshots_account_collected per entry, so the cost grows with the
    // number of entries, not with the number of snapshots. A success leaves the watch entry untouched when nothing
    // about it changes (0005_lean_writes.sql), so its effective times are the later of the stored one and the
    // latest snapshot; max(coalesce(a, b), coalesce(b, a)) is that, with NULL only when both are.
    private const string StatusSelect = $"""
        SELECT w.platform, w.watch_key, a.id, a.platform_id, a.handle,
               max(coalesce(w.last_attempt_at, s.collected_at), coalesce(s.collected_at, w.last_attempt_at)),
               max(coalesce(w.last_success_at, s.collected_at), coalesce(s.collected_at, w.last_success_at)),
               w.consecutive_failures, w.last_error_kind, w.last_error, w.next_attempt_at,
               {SnapshotColumns.Select}
          FROM watch_entries AS w
          LEFT JOIN accounts AS a ON a.id = w.account_id
          LEFT JOIN snapshots AS s ON s.id = ({LatestSnapshotId})
        """;

    /// <summary>The id of account <c>a</c>'s latest snapshot: latest collected_at, then highest id.</summary>
    internal const string LatestSnapshotId = """
        SELECT l.id FROM snapshots AS l WHERE l.account_id = a.id ORDER BY l.collected_at DESC, l.id DESC LIMIT 1
        """;

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

    // Accounts in key order with their kept growth points (0006_growth_points.sql); NULL where none were kept yet.
    internal const string GrowthPointsSql = """
        SELECT a.id, g.points
          FROM accounts AS a
          LEFT JOIN account_growth AS g ON g.account_id = a.id
         ORDER BY a.id;
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

    public async IAsyncEnumerable<AccountGrowthPoints> GetGrowthPointsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = GrowthPointsSql;

        // An account analysed before the points were kept (or with a row that does not parse) has them computed
        // here: a few index seeks, and the next analysis of the account stores them.
        using var compute = new GrowthPointsQuery(connection, transaction: null);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var accountId = reader.GetInt64(0);
            var points = (reader.IsDBNull(1) ? null : GrowthPointsText.Parse(reader.GetString(1))) ?? compute.Read(accountId);
            if (points.Count > 0)
            {
                yield return new AccountGrowthPoints(accountId, points);
            }
        }
    }

    // Once per account of a status: optimized from the first call, not run unoptimized by a fresh process.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
