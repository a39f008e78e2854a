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
    /// <remarks>
    /// Which steps ran is recorded per step (<c>schema_migrations</c>), not only as the highest version: steps written
    /// on concurrent branches can arrive out of order (0003 released before 0002), and a step filled in later must still
    /// run on a database that already has the higher one. Such steps are independent by construction (neither branch
    /// knew the other's). <c>user_version</c> keeps the highest version applied, as before.
    /// </remarks>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);

        // The usual case, an up-to-date database, is settled by a plain read: no write lock, so the CLI starting
        // next to a busy worker does not queue behind it.
        var (current, done) = await ReadStateAsync(connection, transaction: null, cancellationToken);
        EnsureNotNewer(current, done);

        // SQLite's procedure for changing a table's definition (sqlite.org/lang_altertable.html, "other kinds of table
        // schema changes"): foreign keys off, which only works outside a transaction, rebuild, then foreign_key_check
        // before the commit. With them on, dropping a rebuilt parent table counts every child row as a violation that
        // the renamed copy does not take back. The next open of this pooled connection turns them on again.
        await ExecuteAsync(connection, transaction: null, "PRAGMA foreign_keys = OFF;", cancellationToken);
        try
        {
            return await ApplyPendingAsync(connection, done, cancellationToken);
        }
        finally
        {
            await ExecuteAsync(connection, transaction: null, "PRAGMA foreign_keys = ON;", CancellationToken.None);
        }
    }

    private async Task<int> ApplyPendingAsync(SqliteConnection connection, HashSet<int> done, CancellationToken cancellationToken)
    {
        var applied = 0;
        foreach (var migration in _migrations.Where(m => !done.Contains(m.Version)))
        {
            cancellationToken.ThrowIfCancellationRequested();

            // BeginTransaction takes the write lock at once (BEGIN IMMEDIATE), so the state is re-read under the
            // lock: a second process migrating at the same moment waits, then sees the step as done.
            await using var transaction = connection.BeginTransaction();
            var (locked, lockedDone) = await ReadStateAsync(connection, transaction, cancellationToken);
            EnsureNotNewer(locked, lockedDone);
            if (lockedDone.Contains(migration.Version))
            {
                continue;
            }

            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
            await EnsureForeignKeysHoldAsync(connection, transaction, migration, cancellationToken);
            await RecordAsync(connection, transaction, lockedDone, migration, cancellationToken);
            await ExecuteAsync(connection, transaction, SetUserVersionSql((int)Math.Max(locked, migration.Version)), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            applied++;
            LogApplied(migration.Name, migration.Version);
        }

        return applied;
    }

    private void EnsureNotNewer(long current, IReadOnlySet<int> done)
    {
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The database '{_connections.DatabasePath}' has schema version {current}, but this collector only knows " +
                $"versions up to {LatestVersion}: it was written by a newer collector. Run that version, or point " +
                "Storage:Path (--db) at another file; migrations only go forward.");
        }

        var known = _migrations.Select(static m => m.Version).ToHashSet();
        if (done.FirstOrDefault(v => !known.Contains(v)) is var unknown and > 0)
        {
            throw new InvalidOperationException(
                $"The database '{_connections.DatabasePath}' has schema step {unknown} applied, which this collector does " +
                "not know: it was written by a newer collector. Run that version, or point Storage:Path (--db) at another " +
                "file; migrations only go forward.");
        }
    }

    private const string HistoryTableSql = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY,
            name    TEXT NOT NULL
        ) STRICT;
        """;

    /// <summary>The highest version and the set of applied steps. A database from before the per-step record had
    /// every step up to its version applied (the catalog had no gaps then).</summary>
    private static async Task<(long Current, HashSet<int> Done)> ReadStateAsync(
        SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        var current = await ReadUserVersionAsync(connection, transaction, cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations';";
        if ((long)(await command.ExecuteScalarAsync(cancellationToken))! == 0)
        {
            return (current, [.. Enumerable.Range(1, (int)current)]);
        }

        command.CommandText = "SELECT version FROM schema_migrations;";
        var done = new HashSet<int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            done.Add(reader.GetInt32(0));
        }

        return (current, done);
    }

    private async Task RecordAsync(
        SqliteConnection connection, SqliteTransaction transaction, HashSet<int> done, Migration migration, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, HistoryTableSql, cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT OR IGNORE INTO schema_migrations (version, name) VALUES ($version, $name);";
        var version = command.Parameters.Add("$version", SqliteType.Integer);
        var name = command.Parameters.Add("$name", SqliteType.Text);
        foreach (var (v, n) in done.Select(v => (v, _migrations.FirstOrDefault(m => m.Version == v)?.Name ?? $"{v:D4}")).Append((migration.Version, migration.Name)))
        {
            version.Value = v;
            name.Value = n;
            await command.ExecuteNonQueryAsync(cancellationToken);
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

    /// <summary>What foreign keys being on would have refused, checked before the step commits (it rolls back).</summary>
    private static async Task EnsureForeignKeysHoldAsync(
        SqliteConnection connection, SqliteTransaction transaction, Migration migration, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA foreign_key_check;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException(
                $"Database migration {migration.Name} would leave a row of table {reader.GetString(0)} pointing at a missing " +
                $"row of {reader.GetString(2)}; the step was rolled back.");
        }
    }

    private static async Task ExecuteAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied database migration {Migration} (schema version {Version})")]
    private partial void LogApplied(string migration, int version);
}
