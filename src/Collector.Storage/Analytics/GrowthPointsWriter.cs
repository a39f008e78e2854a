using Collector.Core.Analytics;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Analytics;

/// <summary>
/// Keeps an account's growth points (0006_growth_points.sql) in the transaction its connection has open (the
/// analysis transaction), as <see cref="GrowthPointsFromHistory"/> found them when the batch was read.
/// </summary>
internal sealed class GrowthPointsWriter : IDisposable
{
    private const string UpsertSql = """
        INSERT INTO account_growth (account_id, points, updated_at) VALUES ($account_id, $points, $now)
        ON CONFLICT (account_id) DO UPDATE SET points = excluded.points, updated_at = excluded.updated_at;
        """;

    private readonly RawStatement _upsert;
    private readonly int _accountId;
    private readonly int _points;
    private readonly int _now;

    public GrowthPointsWriter(SqliteConnection connection)
    {
        _upsert = new RawStatement(connection, UpsertSql);
        _accountId = _upsert.IndexOf("$account_id");
        _points = _upsert.IndexOf("$points");
        _now = _upsert.IndexOf("$now");
    }

    /// <summary>Stores the points; an account without any (no measured snapshot) keeps what it has.</summary>
    public void Write(long accountId, IReadOnlyList<GrowthPoint> points, DateTimeOffset now)
    {
        if (points.Count == 0)
        {
            return;
        }

        _upsert.Bind(_accountId, accountId);
        _upsert.Bind(_points, GrowthPointsText.Format(points));
        _upsert.Bind(_now, SqliteInstant.ToStored(now));
        _upsert.Execute();
    }

    public void Dispose() => _upsert.Dispose();
}
