using Collector.Storage.Migrations;
using Collector.TestKit.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collector.Storage.Tests.Migrations;

public sealed class DatabaseMigratorTests : IDisposable
{
    private readonly TempDatabase _database = TempDatabase.CreateEmpty();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Migrate_OnFreshDatabase_AppliesAllAndSetsUserVersionToLatest()
    {
        var migrator = _database.CreateMigrator();

        var applied = await migrator.MigrateAsync(CancellationToken.None);

        Assert.Equal(MigrationCatalog.All.Count, applied);
        Assert.Equal((long)migrator.LatestVersion, await _database.ScalarAsync("PRAGMA user_version"));
        Assert.Equal(0L, await _database.CountAsync("accounts"));
        Assert.Equal(0L, await _database.CountAsync("account_handles"));
        Assert.Equal(0L, await _database.CountAsync("watch_entries"));
        Assert.Equal(0L, await _database.CountAsync("snapshots"));
    }

    [Fact]
    public async Task Migrate_RunTwice_SecondRunIsNoOpAndKeepsData()
    {
        var migrator = _database.CreateMigrator();
        await migrator.MigrateAsync(CancellationToken.None);
        await _database.ExecuteAsync(
            "INSERT INTO accounts (platform, platform_id, handle, first_seen_at) VALUES ('x', '1', 'a', 1735689600000)");

        var applied = await migrator.MigrateAsync(CancellationToken.None);

        Assert.Equal(0, applied);
        Assert.Equal((long)migrator.LatestVersion, await _database.ScalarAsync("PRAGMA user_version"));
        Assert.Equal(1L, await _database.CountAsync("accounts"));
    }

    [Fact]
    public async Task Migrate_WhenDatabaseIsNewerThanCode_FailsClearlyAndChangesNothing()
    {
        var migrator = _database.CreateMigrator();
        await migrator.MigrateAsync(CancellationToken.None);
        var newer = migrator.LatestVersion + 5;
        await _database.ExecuteAsync($"PRAGMA user_version = {newer}");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.MigrateAsync(CancellationToken.None));

        Assert.Contains($"schema version {newer}", error.Message, StringComparison.Ordinal);
        Assert.Contains("newer collector", error.Message, StringComparison.Ordinal);
        Assert.Contains(_database.Path, error.Message, StringComparison.Ordinal);
        Assert.Equal((long)newer, await _database.ScalarAsync("PRAGMA user_version"));
    }

    [Fact]
    public async Task Migrate_FromAnOlderVersion_AppliesOnlyTheNewerSteps()
    {
        Migration[] steps =
        [
            new(1, "0001_first", "CREATE TABLE first (id INTEGER PRIMARY KEY);"),
            new(2, "0002_second", "CREATE TABLE second (id INTEGER PRIMARY KEY);"),
        ];
        var logger = NullLogger<DatabaseMigrator>.Instance;
        await new DatabaseMigrator(new SqliteConnectionFactory(_database.Path), steps[..1], logger).MigrateAsync(CancellationToken.None);

        var applied = await new DatabaseMigrator(new SqliteConnectionFactory(_database.Path), steps, logger).MigrateAsync(CancellationToken.None);

        Assert.Equal(1, applied);
        Assert.Equal(2L, await _database.ScalarAsync("PRAGMA user_version"));
        Assert.Equal(1L, await _database.ScalarAsync("SELECT count(*) FROM sqlite_schema WHERE name = 'second'"));
    }

    [Fact]
    public async Task Migrate_WhenAStepFails_RollsThatStepBackAndKeepsTheVersion()
    {
        Migration[] steps =
        [
            new(1, "0001_first", "CREATE TABLE first (id INTEGER PRIMARY KEY);"),
            new(2, "0002_broken", "CREATE TABLE half (id INTEGER PRIMARY KEY); CREATE TABLE first (id INTEGER);"),
        ];
        var migrator = new DatabaseMigrator(new SqliteConnectionFactory(_database.Path), steps, NullLogger<DatabaseMigrator>.Instance);

        await Assert.ThrowsAnyAsync<Microsoft.Data.Sqlite.SqliteException>(() => migrator.MigrateAsync(CancellationToken.None));

        Assert.Equal(1L, await _database.ScalarAsync("PRAGMA user_version"));
        Assert.Equal(0L, await _database.ScalarAsync("SELECT count(*) FROM sqlite_schema WHERE name = 'half'"));
    }

    [Fact]
    public void Catalog_HasContiguousVersionsStartingWithInitial()
    {
        var all = MigrationCatalog.All;

        Assert.Equal("0001_initial", all[0].Name);
        Assert.Equal(Enumerable.Range(1, all.Count), all.Select(m => m.Version));
        Assert.All(all, m => Assert.False(string.IsNullOrWhiteSpace(m.Sql)));
    }

    [Fact]
    public void Catalog_WithAGapOrADuplicate_RefusesToRun()
    {
        Migration[] gap = [new(1, "0001_a", "SELECT 1;"), new(3, "0003_c", "SELECT 1;")];
        Migration[] duplicate = [new(1, "0001_a", "SELECT 1;"), new(1, "0001_b", "SELECT 1;")];

        Assert.Contains("0003_c", Assert.Throws<InvalidOperationException>(() => MigrationCatalog.InOrder(gap)).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => MigrationCatalog.InOrder(duplicate));
        Assert.Throws<InvalidOperationException>(() => MigrationCatalog.InOrder([]));
    }
}
