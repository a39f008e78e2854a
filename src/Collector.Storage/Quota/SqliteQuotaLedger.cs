using System.Globalization;
using Collector.Core.Platforms;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Quota;

/// <summary>The quota ledger port on SQLite (table <c>quota_usage</c>, migration 0002).</summary>
internal sealed class SqliteQuotaLedger(SqliteConnectionFactory connections) : IQuotaLedger
{
    private const string GetSql = """
        SELECT units, exhausted_at FROM quota_usage WHERE platform = $platform AND quota_day = $day;
        """;

    // One statement, so the check and the addition cannot interleave with another writer (our own concurrent
    // requests, or the CLI next to the worker). The SELECT's WHERE refuses a first spend above the limit; the
    // upsert's WHERE refuses a later one, or any once the platform said the day is spent. No row back: refused.
    private const string TrySpendSql = """
        INSERT INTO quota_usage (platform, quota_day, units, updated_at)
        SELECT $platform, $day, $units, $at WHERE $units <= $limit
        ON CONFLICT (platform, quota_day) DO UPDATE SET
            units = quota_usage.units + excluded.units,
            updated_at = excluded.updated_at
        WHERE quota_usage.exhausted_at IS NULL
          AND quota_usage.units + excluded.units <= $limit
        RETURNING units;
        """;

    // The first report wins: it is when the platform stopped answering.
    private const string MarkExhaustedSql = """
        INSERT INTO quota_usage (platform, quota_day, units, exhausted_at, updated_at)
        VALUES ($platform, $day, 0, $at, $at)
        ON CONFLICT (platform, quota_day) DO UPDATE SET
            exhausted_at = coalesce(quota_usage.exhausted_at, excluded.exhausted_at),
            updated_at = excluded.updated_at;
        """;

    public async Task<QuotaUsage> GetAsync(string platform, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(platform);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = Command(connection, GetSql, platform, day);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new QuotaUsage(platform, day, reader.GetInt64(0), reader.GetNullableInstant(1))
            : new QuotaUsage(platform, day, 0, null);
    }

    public async Task<bool> TrySpendAsync(
        string platform, DateOnly day, int units, long limit, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(platform);
        ArgumentOutOfRangeException.ThrowIfNegative(units);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = Command(connection, TrySpendSql, platform, day);
        command.Parameters.AddWithValue("$units", units);
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$at", SqliteInstant.ToStored(at));
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task MarkExhaustedAsync(string platform, DateOnly day, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(platform);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = Command(connection, MarkExhaustedSql, platform, day);
        command.Parameters.AddWithValue("$at", SqliteInstant.ToStored(at));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, string platform, DateOnly day)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$platform", platform);
        command.Parameters.AddWithValue("$day", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return command;
    }
}
