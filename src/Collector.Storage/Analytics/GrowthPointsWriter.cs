using Microsoft.Data.Sqlite;

namespace Collector.Storage.Analytics;

/// <summary>Refreshes account_growth rows inside the analysis transaction (0006_growth_points.sql).</summary>
internal sealed class GrowthPointsWriter : IDisposable
{
    private const string UpsertSql = """
        INSERT INTO account_growth (account_id, points, updated_at) VALUES ($account_id, $points, $now)
        ON CONFLICT (account_id) DO UPDATE SET points = excluded.points, updated_at = excluded.updated_at;
        """;

    private readonly GrowthPointsQuery _query;
    private readonly SqliteCommand _upsert;

    public GrowthPointsWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        _query = new GrowthPointsQuery(connection, transaction);
        _upsert = connection.CreateCommand();
        _upsert.Transaction = transaction;
        _upsert.CommandText = UpsertSql;
        _upsert.Parameters.AddWithValue("$account_id", 0L);
        _upsert.Parameters.AddWithValue("$points", string.Empty);
        _upsert.Parameters.AddWithValue("$now", 0L);
    }

    public void Refresh(long accountId, DateTimeOffset now)
    {
        var points = _query.Read(accountId);
        if (points.Count == 0)
        {
            return;
        }

        _upsert.Parameters["$account_id"].Value = accountId;
        _upsert.Parameters["$points"].Value = GrowthPointsText.Format(points);
        _upsert.Parameters["$now"].Value = SqliteInstant.ToStored(now);
        _upsert.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _query.Dispose();
        _upsert.Dispose();
    }
}
