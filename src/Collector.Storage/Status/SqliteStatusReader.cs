using System.Runtime.CompilerServices;
using Collector.Core.Analytics;
using Collector.Core.Storage;
using Collector.Storage.Analytics;

namespace Collector.Storage.Status;

/// <summary>The read side of <c>status</c> and <c>history</c> on SQLite.</summary>
/// <param name="maxParts">At most this many connections read a status side by side (one per core).</param>
/// <param name="entriesPerPart">Below this many entries per part a connection more costs more than it saves.</param>
internal sealed class SqliteStatusReader(SqliteConnectionFactory connections, int maxParts, long entriesPerPart) : IStatusReader
{
    public SqliteStatusReader(SqliteConnectionFactory connections)
        : this(connections, Environment.ProcessorCount, entriesPerPart: 10_000)
    {
    }

    // The latest snapshot is one backward seek of ix_snapshots_account_collected per entry, so the cost grows with the
    // number of entries, not with the number of snapshots. The growth points the analysis keeps
    // (0006_growth_points.sql) come along, so status summarizes growth without a second read.
    private const string StatusSelect = $"""
        SELECT w.platform, w.watch_key, a.id, a.platform_id, a.handle,
               {StateColumns},
               {SnapshotColumns.Select},
               g.points
          FROM watch_entries AS w
          LEFT JOIN accounts AS a ON a.id = w.account_id
          LEFT JOIN snapshots AS s ON s.id = ({LatestSnapshotId})
          LEFT JOIN account_growth AS g ON g.account_id = a.id
        """;

    private const string StateColumns = """
        w.last_attempt_at, w.last_success_at, w.consecutive_failures, w.last_error_kind, w.last_error, w.next_attempt_at
        """;

    // Only the latest snapshot's time, from the index alone: the state read touches no snapshot row.
    internal const string StatesSql = $"""
        SELECT w.platform, w.watch_key, {StateColumns},
               (SELECT max(l.collected_at) FROM snapshots AS l WHERE l.account_id = w.account_id)
          FROM watch_entries AS w;
        """;

    private const int FirstStateColumn = 5;

    /// <summary>The id of account <c>a</c>'s latest snapshot: latest collected_at, then highest id.</summary>
    internal const string LatestSnapshotId = """
        SELECT l.id FROM snapshots AS l WHERE l.account_id = a.id ORDER BY l.collected_at DESC, l.id DESC LIMIT 1
        """;

    // Entries in the order they were first seen, one range of ids at a time (see GetStatusAsync).
    internal const string StatusSql = $"""
        {StatusSelect}
         WHERE w.id BETWEEN $first AND $last
         ORDER BY w.id;
        """;

    private const string EntryIdsSql = "SELECT min(id), max(id) FROM watch_entries;";

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

    private const int FirstSnapshotColumn = 11;
    private const int GrowthPointsColumn = FirstSnapshotColumn + 13;

    public async Task<IReadOnlyList<AccountStatusRecord>> GetStatusAsync(CancellationToken cancellationToken)
    {
        var parts = await ReadStatusAsync(static () => new List<AccountStatusRecord>(), static (part, record) => part.Add(record), cancellationToken);
        return parts.Count == 1 ? parts[0] : [.. parts.SelectMany(static part => part)];
    }

    /// <remarks>
    /// Over many entries the time goes to reading the rows' columns, one after another on one core. So the id range is
    /// cut into parts, one per core, read side by side on connections of their own (readers of a WAL database never
    /// wait for each other). Each part is consistent in itself; a batch committed while they run may show in one part
    /// and not yet in another, as it would a moment later.
    /// </remarks>
    public async Task<IReadOnlyList<TPart>> ReadStatusAsync<TPart>(
        Func<TPart> openPart, Action<TPart, AccountStatusRecord> add, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(openPart);
        ArgumentNullException.ThrowIfNull(add);
        long first, last;
        await using (var connection = await connections.OpenAsync(cancellationToken))
        using (var ids = new RawStatement(connection, EntryIdsSql))
        {
            if (!ids.Step() || ids.IsNull(0))
            {
                return [];
            }

            (first, last) = (ids.Int64(0), ids.Int64(1));
        }

        var parts = (int)Math.Clamp((last - first + 1) / entriesPerPart, 1, Math.Max(1, maxParts));
        var size = ((last - first) / parts) + 1;
        var reads = new Task<TPart>[parts];
        for (var part = 0; part < parts; part++)
        {
            var from = first + (part * size);
            var to = Math.Min(last, from + size - 1);
            reads[part] = parts == 1
                ? ReadRangeAsync(from, to, openPart, add, cancellationToken)
                : Task.Run(() => ReadRangeAsync(from, to, openPart, add, cancellationToken), cancellationToken);
        }

        return await Task.WhenAll(reads);
    }

    private async Task<TPart> ReadRangeAsync<TPart>(
        long first, long last, Func<TPart> openPart, Action<TPart, AccountStatusRecord> add, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var query = new RawStatement(connection, StatusSql);
        using var growth = new GrowthPointsQuery(connection);
        query.Bind("$first", first);
        query.Bind("$last", last);
        var state = openPart();
        while (query.Step())
        {
            cancellationToken.ThrowIfCancellationRequested();
            add(state, ReadStatus(query, growth));
        }

        return state;
    }

    public async Task<IReadOnlyList<WatchEntryState>> GetStatesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var query = new RawStatement(connection, StatesSql);
        var states = new List<WatchEntryState>();
        while (query.Step())
        {
            cancellationToken.ThrowIfCancellationRequested();
            states.Add(new WatchEntryState(query.String(0), query.String(1), ReadState(query, 2, query.NullableInstant(8))));
        }

        return states;
    }

    public async Task<AccountStatusRecord?> GetStatusAsync(string platform, string watchKey, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var query = new RawStatement(connection, EntrySql);
        using var growth = new GrowthPointsQuery(connection);
        query.Bind("$platform", platform);
        query.Bind("$watch_key", watchKey);
        return query.Step() ? ReadStatus(query, growth) : null;
    }

    // Once per account of a status: optimized from the first call, not run unoptimized by a fresh process.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static AccountStatusRecord ReadStatus(RawStatement row, GrowthPointsQuery growth)
    {
        var accountId = row.NullableInt64(2);
        var latest = SnapshotColumns.Read(row, FirstSnapshotColumn);
        var state = ReadState(row, FirstStateColumn, latest?.CollectedAt);
        return new AccountStatusRecord(
            Platform: row.String(0),
            WatchKey: row.String(1),
            AccountId: accountId,
            PlatformId: row.NullableString(3),
            Handle: row.NullableString(4),
            Latest: latest,
            State: state)
        {
            GrowthPoints = latest is null ? [] : GrowthPointsOf(row, growth, accountId!.Value),
        };
    }

    /// <summary>
    /// The state columns from <paramref name="first"/> on (<see cref="StateColumns"/>). A success leaves the watch
    /// entry untouched when nothing about it changes (0005_lean_writes.sql), so its effective times are the later of
    /// the stored one and the latest snapshot's.
    /// </summary>
    private static CollectionStateRecord ReadState(RawStatement row, int first, DateTimeOffset? latestSnapshotAt) => new(
        LastAttemptAt: Later(row.NullableInstant(first), latestSnapshotAt),
        LastSuccessAt: Later(row.NullableInstant(first + 1), latestSnapshotAt),
        ConsecutiveFailures: row.Int32(first + 2),
        LastErrorKind: row.NullableString(first + 3),
        LastError: row.NullableString(first + 4),
        NextAttemptAt: row.NullableInstant(first + 5));

    private static DateTimeOffset? Later(DateTimeOffset? stored, DateTimeOffset? snapshot) =>
        stored is { } a && snapshot is { } b ? (a > b ? a : b) : stored ?? snapshot;

    /// <summary>
    /// The kept points; an account analysed before they were kept (or with a row that does not parse) has them
    /// computed here by a few index seeks, and its next analysis stores them.
    /// </summary>
    private static IReadOnlyList<GrowthPoint> GrowthPointsOf(RawStatement row, GrowthPointsQuery growth, long accountId) =>
        (row.NullableString(GrowthPointsColumn) is { } text ? GrowthPointsText.Parse(text) : null) ?? growth.Read(accountId);

    public async Task<IReadOnlyList<SnapshotRecord>> GetSnapshotsAsync(
        long accountId, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var query = new RawStatement(connection, SnapshotsSql);
        query.Bind("$account_id", accountId);
        query.Bind("$since", SqliteInstant.ToStored(since ?? DateTimeOffset.MinValue));

        var snapshots = new List<SnapshotRecord>();
        while (query.Step())
        {
            cancellationToken.ThrowIfCancellationRequested();
            snapshots.Add(SnapshotColumns.Read(query, 0)!);
        }

        return snapshots;
    }
}
