using Collector.TestKit.Storage;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Tests;

public sealed class ConnectionFactoryTests : IDisposable
{
    private readonly TempDatabase _database = TempDatabase.CreateEmpty();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Open_SetsWalJournalModeAndNormalSynchronous()
    {
        await using var connection = await _database.OpenAsync();

        Assert.Equal("wal", await PragmaAsync(connection, "journal_mode"));
        Assert.Equal(1L, await PragmaAsync(connection, "synchronous")); // 1 = NORMAL
    }

    [Fact]
    public async Task Open_EnablesForeignKeysAndBusyTimeout()
    {
        await using var connection = await _database.OpenAsync();

        Assert.Equal(1L, await PragmaAsync(connection, "foreign_keys"));
        Assert.Equal(5000L, await PragmaAsync(connection, "busy_timeout"));
    }

    [Fact]
    public async Task Open_WhenPooledConnectionIsReused_AppliesPerConnectionPragmasAgain()
    {
        await using (var first = await _database.OpenAsync())
        {
            await ExecuteAsync(first, "PRAGMA foreign_keys = OFF; PRAGMA busy_timeout = 0; PRAGMA synchronous = FULL;");
        }

        // The same native handle comes back from the pool with the settings the previous user left.
        await using var second = await _database.OpenAsync();

        Assert.Equal(1L, await PragmaAsync(second, "foreign_keys"));
        Assert.Equal(5000L, await PragmaAsync(second, "busy_timeout"));
        Assert.Equal(1L, await PragmaAsync(second, "synchronous"));
    }

    [Fact]
    public async Task Open_WhenParentDirectoryIsMissing_CreatesIt()
    {
        var path = Path.Combine(_database.Directory, "nested", "deeper", "collector.db");
        var factory = new SqliteConnectionFactory(path);

        await using (var connection = await factory.OpenAsync(CancellationToken.None))
        {
            Assert.Equal("wal", await PragmaAsync(connection, "journal_mode"));
        }

        Assert.True(File.Exists(path));
        using var pooled = new SqliteConnection(factory.ConnectionString);
        SqliteConnection.ClearPool(pooled);
    }

    [Fact]
    public void Create_WithRelativePath_ResolvesToAbsolutePath()
    {
        var factory = new SqliteConnectionFactory(Path.Combine("data", "collector.db"));

        Assert.True(Path.IsPathRooted(factory.DatabasePath));
        Assert.EndsWith(Path.Combine("data", "collector.db"), factory.DatabasePath, StringComparison.Ordinal);
    }

    private static async Task<object?> PragmaAsync(SqliteConnection connection, string pragma)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma};";
        return await command.ExecuteScalarAsync();
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
