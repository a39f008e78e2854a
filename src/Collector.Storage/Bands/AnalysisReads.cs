using Collector.Core.Analytics;
using Collector.Core.Bands;
using Collector.Storage.Analytics;
using Collector.Storage.Status;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Bands;

/// <summary>The analysis's read of a batch's accounts, compiled once for the shared connection (<see cref="SharedConnection"/>).</summary>
internal sealed class AnalysisReads : IDisposable
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

    private readonly SqliteConnection _connection;
    private readonly RawStatement _accounts;
    private readonly RawStatement _snapshots;
    private readonly GrowthPointsFromHistory _growth;

    public AnalysisReads(SqliteConnection connection)
    {
        _connection = connection;
        _accounts = new RawStatement(connection, AccountsSql);
        RawStatement? snapshots = null;
        try
        {
            _snapshots = snapshots = new RawStatement(connection, SnapshotsSql);
            _growth = new GrowthPointsFromHistory(connection);
        }
        catch
        {
            _accounts.Dispose();
            snapshots?.Dispose();
            throw;
        }
    }

    /// <param name="platformIds">The batch's platform ids, as one JSON array.</param>
    public IReadOnlyList<AnalysisInput> Load(string platform, string platformIds, DateTimeOffset historySince, CancellationToken cancellationToken)
    {
        // Both reads in one transaction: a batch committed in between cannot add snapshots the states do not cover.
        using var transaction = _connection.BeginTransaction(deferred: true);
        var accounts = new List<(long Id, string PlatformId, string Handle, BandState State, long Cursor)>();
        try
        {
            _accounts.Bind("$platform", platform);
            _accounts.Bind("$platform_ids", platformIds);
            while (_accounts.Step())
            {
                var state = new BandState(ReadTier(_accounts.NullableString(3)), ReadTier(_accounts.NullableString(4)), _accounts.Int32(5));
                accounts.Add((_accounts.Int64(0), _accounts.String(1), _accounts.String(2), state, _accounts.Int64(6)));
            }
        }
        finally
        {
            _accounts.Reset();
        }

        var byAccount = new Dictionary<long, List<StoredSnapshot>>(accounts.Count);
        try
        {
            _snapshots.Bind("$platform", platform);
            _snapshots.Bind("$platform_ids", platformIds);
            _snapshots.Bind("$since", SqliteInstant.ToStored(historySince));
            while (_snapshots.Step())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var snapshot = SnapshotColumns.Read(_snapshots, 1)!;
                if (!byAccount.TryGetValue(snapshot.AccountId, out var rows))
                {
                    byAccount[snapshot.AccountId] = rows = [];
                }

                rows.Add(new StoredSnapshot(_snapshots.Int64(0), snapshot));
            }
        }
        finally
        {
            _snapshots.Reset();
        }

        // The growth points in the same read: every snapshot since historySince is among the rows.
        var inputs = new List<AnalysisInput>(accounts.Count);
        foreach (var account in accounts)
        {
            IReadOnlyList<StoredSnapshot> rows = byAccount.TryGetValue(account.Id, out var read) ? read : [];
            inputs.Add(new AnalysisInput(account.Id, account.PlatformId, account.Handle, account.State, account.Cursor, rows)
            {
                GrowthPoints = _growth.Find(account.Id, rows, historySince),
            });
        }

        return inputs;
    }

    public void Dispose()
    {
        _accounts.Dispose();
        _snapshots.Dispose();
        _growth.Dispose();
    }

    private static Tier? ReadTier(string? wire) => wire is null ? null : TierNames.Parse(wire);
}
