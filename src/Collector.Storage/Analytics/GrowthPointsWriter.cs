using Microsoft.Data.Sqlite;

namespace Collector.Storage.Analytics;

/// <summary>Refreshes account_growth rows inside the analysis transaction (0006_growth_points.sql).</summary>
internal sealed class GrowthPointsWriter : IDisposable
{
    // One statement per account: the candidates are found, formatted as GrowthPointsText reads them and stored where
    // they are, with no round trip per step (three statements and the formatting in .NET cost twice as much). An
    // account without a measured snapshot gets no row (HAVING).
    private static readonly string RefreshSql = $"""
        WITH anchor AS MATERIALIZED (
            SELECT collected_at AS at FROM snapshots
             WHERE account_id = $account_id AND followers IS NOT NULL
             ORDER BY collected_at DESC, id DESC LIMIT 1)
        INSERT INTO account_growth (account_id, points, updated_at)
        SELECT $account_id, group_concat(s.collected_at || ':' || s.followers, ';' ORDER BY s.collected_at, s.id), $now
          FROM snapshots AS s
         WHERE s.id IN {GrowthPointsQuery.CandidateIds("(SELECT at FROM anchor)")}
        HAVING count(*) > 0
        ON CONFLICT (account_id) DO UPDATE SET points = excluded.points, updated_at = excluded.updated_at;
        """;

    private readonly RawStatement _refresh;
    private readonly int _accountId;
    private readonly int _now;

    /// <summary>Runs in the transaction <paramref name="connection"/> has open (the analysis transaction).</summary>
    public GrowthPointsWriter(SqliteConnection connection)
    {
        _refresh = new RawStatement(connection, RefreshSql);
        _accountId = _refresh.IndexOf("$account_id");
        _now = _refresh.IndexOf("$now");
        GrowthPointsQuery.BindWindowParameters(_refresh);
    }

    public void Refresh(long accountId, DateTimeOffset now)
    {
        _refresh.Bind(_accountId, accountId);
        _refresh.Bind(_now, SqliteInstant.ToStored(now));
        _refresh.Execute();
    }

    public void Dispose() => _refresh.Dispose();
}
