using System.Globalization;
using Collector.Storage;
using Collector.Storage.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collector.TestKit.Storage;

/// <summary>
/// A collector database on a real file in its own temporary directory, deleted (with its -wal and -shm files)
/// on dispose. Real files matter: WAL, locking and pooling do not exist for in-memory databases.
/// </summary>
public sealed class TempDatabase : IAsyncDisposable, IDisposable
{
    private TempDatabase(string directory)
    {
        Directory = directory;
        Path = System.IO.Path.Combine(directory, "collector.db");
        Connections = new SqliteConnectionFactory(Path);
    }

    /// <summary>The temporary directory that holds the database; removed on dispose.</summary>
    public string Directory { get; }

    /// <summary>The database file (it may not exist until the first connection opens).</summary>
    public string Path { get; }

    private SqliteConnectionFactory Connections { get; }

    /// <summary>An empty database file location: nothing created yet, no migration run.</summary>
    public static TempDatabase CreateEmpty()
    {
        var directory = System.IO.Path.Combine(
            System.IO.Path.GetTempPath(), "collector-tests", Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));
        System.IO.Directory.CreateDirectory(directory);
        return new TempDatabase(directory);
    }

    /// <summary>A database migrated to the latest schema, as the worker has it after startup.</summary>
    public static async Task<TempDatabase> CreateMigratedAsync()
    {
        var database = CreateEmpty();
        try
        {
            await database.CreateMigrator().MigrateAsync(CancellationToken.None);
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public DatabaseMigrator CreateMigrator() => new(Connections, NullLogger<DatabaseMigrator>.Instance);

    /// <summary>A connection with the production pragmas, for arranging or inspecting rows directly.</summary>
    public Task<SqliteConnection> OpenAsync() => Connections.OpenAsync(CancellationToken.None);

    /// <summary>Runs a query and returns the first column of the first row (null for SQL NULL or no row).</summary>
    public async Task<object?> ScalarAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var result = await command.ExecuteScalarAsync();
        return result is DBNull ? null : result;
    }

    /// <summary>Runs a statement that returns no rows.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Row count of a table of the schema.</summary>
    public async Task<long> CountAsync(string table) =>
        (long)(await ScalarAsync($"SELECT count(*) FROM {table}"))!;

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        // Pooled connections keep the file open; release them so the directory can be removed.
        using (var connection = new SqliteConnection(Connections.ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
