using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Collector.Storage.Migrations;

/// <summary>
/// Brings the database schema up to date at startup: applies each pending embedded migration in its own
/// transaction and records progress in <c>PRAGMA user_version</c>. Forward-only; refuses a newer database.
/// </summary>
public sealed partial class DatabaseMigrator
{
    private readonly SqliteConnectionFactory _connections;
    private readonly IReadOnlyList<Migration> _migrations;
    private readonly ILogger<DatabaseMigrator> _logger;

    internal DatabaseMigrator(SqliteConnectionFactory connections, ILogger<DatabaseMigrator> logger)
        : this(connections, MigrationCatalog.All, logger)
    {
    }

    internal DatabaseMigrator(SqliteConnectionFactory connections, IReadOnlyList<Migration> migrations, ILogger<DatabaseMigrator> logger)
    {
        _connections = connections;
        _migrations = migrations;
        _logger = logger;
    }

    /// <summary>The schema version this build writes and reads.</summary>
    public int LatestVersion => _migrations[^1].Version;

    /// <summary>Applies the pending migrations; returns how many were applied (0 when up to date).</summary>
    /// <exception cref="InvalidOperationException">The database was written by a newer version of collector.</exception>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);

        // The usual case, an up-to-date database, is settled by a plain read: no write lock, so the CLI starting
        // next to a busy worker does not queue behind it.
        var current = await ReadUserVersionAsync(connection, transaction: null, cancellationToken);
        EnsureNotNewer(current);

        var applied = 0;
        foreach (var migration in _migrations.Where(m => m.Version > current))
        {
            cancellationToken.ThrowIfCancellationRequested();

            // BeginTransaction takes the write lock at once (BEGIN IMMEDIATE), so the version is re-read under the
            // lock: a second process migrating at the same moment waits, then sees the step as done.
            await using var transaction = connection.BeginTransaction();
            var locked = await ReadUserVersionAsync(connection, transaction, cancellationToken);
            EnsureNotNewer(locked);
            if (locked >= migration.Version)
            {
                continue;
            }

            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
            await ExecuteAsync(connection, transaction, SetUserVersionSql(migration.Version), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            applied++;
            LogApplied(migration.Name, migration.Version);
        }

        return applied;
    }

    private void EnsureNotNewer(long current)
    {
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The database '{_connections.DatabasePath}' has schema version {current}, but this collector only knows " +
                $"versions up to {LatestVersion}: it was written by a newer collector. Run that version, or point " +
                "Storage:Path (--db) at another file; migrations only go forward.");
        }
    }

    private static async Task<long> ReadUserVersionAsync(
        SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    // PRAGMA takes no parameters; the value is an int from our own catalog, formatted invariantly.
    private static string SetUserVersionSql(int version) =>
        string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {version};");

    private static async Task ExecuteAsync(
        SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied database migration {Migration} (schema version {Version})")]
    private partial void LogApplied(string migration, int version);
}
