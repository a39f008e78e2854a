using Collector.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Platforms;

/// <summary>The platform health port on SQLite (Migrations/0004_platform_state.sql).</summary>
internal sealed class SqlitePlatformStateStore(SqliteConnectionFactory connections, TimeProvider time) : IPlatformStateStore
{
    private const int MaxMessageLength = 2000;

    private const string SelectSql = """
        SELECT platform, reason, message, since, until, consecutive_failures
          FROM platform_state
         WHERE $platform IS NULL OR platform = $platform
         ORDER BY platform;
        """;

    private const string UpsertSql = """
        INSERT INTO platform_state (platform, reason, message, since, until, consecutive_failures, updated_at)
        VALUES ($platform, $reason, $message, $since, $until, $consecutive_failures, $updated_at)
        ON CONFLICT (platform) DO UPDATE SET
            reason = excluded.reason,
            message = excluded.message,
            since = excluded.since,
            until = excluded.until,
            consecutive_failures = excluded.consecutive_failures,
            updated_at = excluded.updated_at;
        """;

    private const string DeleteSql = "DELETE FROM platform_state WHERE platform = $platform;";

    public async Task<IReadOnlyList<PlatformStateRecord>> GetAllAsync(CancellationToken cancellationToken) =>
        await ReadAsync(null, cancellationToken);

    public async Task<PlatformStateRecord?> GetAsync(string platform, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(platform);
        return (await ReadAsync(platform, cancellationToken)).SingleOrDefault();
    }

    public async Task SaveAsync(PlatformStateRecord state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var message = state.Message.Length > MaxMessageLength ? state.Message[..MaxMessageLength] : state.Message;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = UpsertSql;
        command.Parameters.AddWithValue("$platform", state.Platform);
        command.Parameters.AddWithValue("$reason", state.Reason);
        command.Parameters.AddWithValue("$message", message);
        command.Parameters.AddWithValue("$since", SqliteInstant.ToStored(state.Since));
        command.Parameters.AddWithValue("$until", SqliteInstant.ToParameter(state.Until));
        command.Parameters.AddWithValue("$consecutive_failures", state.ConsecutiveFailures);
        command.Parameters.AddWithValue("$updated_at", SqliteInstant.ToStored(time.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ClearAsync(string platform, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(platform);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = DeleteSql;
        command.Parameters.AddWithValue("$platform", platform);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<List<PlatformStateRecord>> ReadAsync(string? platform, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = SelectSql;
        command.Parameters.AddWithValue("$platform", (object?)platform ?? DBNull.Value);

        var states = new List<PlatformStateRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            states.Add(Read(reader));
        }

        return states;
    }

    private static PlatformStateRecord Read(SqliteDataReader reader) => new(
        Platform: reader.GetString(0),
        Reason: reader.GetString(1),
        Message: reader.GetString(2),
        Since: SqliteInstant.FromStored(reader.GetInt64(3)),
        Until: reader.GetNullableInstant(4),
        ConsecutiveFailures: reader.GetInt32(5));
}
