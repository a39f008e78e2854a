using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Health;

/// <summary>Answers "can the worker write its database right now?" for health checks, without writing anything.</summary>
public sealed class DatabaseProbe
{
    private readonly SqliteConnectionFactory _connections;

    internal DatabaseProbe(SqliteConnectionFactory connections) => _connections = connections;

    /// <summary>Null when a write would succeed; otherwise why not (read-only file, locked, not a database, ...).</summary>
    public async Task<string?> CheckWritableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _connections.OpenAsync(cancellationToken);

            // A health check answers within about a second: a writer holding the lock longer is itself a finding.
            // Both waits are bounded: SQLite's busy timeout, and Microsoft.Data.Sqlite's own retry of SQLITE_BUSY,
            // which otherwise goes on for the 30 s default command timeout.
            connection.DefaultTimeout = 1;
            await ExecuteAsync(connection, null, "PRAGMA busy_timeout = 1000;", cancellationToken);

            // BEGIN IMMEDIATE succeeds even on a read-only file; rewriting the header's user_version with its own value
            // is the smallest real write, and the rollback leaves the file as it was.
            await using var transaction = connection.BeginTransaction();
            var version = Convert.ToInt64(await ScalarAsync(connection, transaction, "PRAGMA user_version;", cancellationToken), CultureInfo.InvariantCulture);
            await ExecuteAsync(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {version};"), cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            return ex.Message;
        }
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
