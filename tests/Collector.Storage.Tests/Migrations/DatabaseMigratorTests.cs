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
    public async Task Migrate_WhenAStepLeavesADanglingReference_RollsItBackAndSaysWhere()
    {
        Migration[] steps =
        [
            new(1, "0001_first", "CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (parent_id INTEGER REFERENCES parent (id));"),
            new(2, "0002_dangling", "INSERT INTO child VALUES (42);"),
        ];
        var migrator = new DatabaseMigrator(new SqliteConnectionFactory(_database.Path), steps, NullLogger<DatabaseMigrator>.Instance);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.MigrateAsync(CancellationToken.None));

        Assert.Contains("0002_dangling would leave a row of table child pointing at a missing row of parent", error.Message, StringComparison.Ordinal);
        Assert.Equal(1L, await _database.ScalarAsync("PRAGMA user_version"));
        Assert.Equal(0L, await _database.ScalarAsync("SELECT count(*) FROM child"));
    }

    [Fact]
    public void Catalog_HasIncreasingUniqueVersionsStartingWithInitial()
    {
        var all = MigrationCatalog.All;

        Assert.Equal("0001_initial", all[0].Name);
        Assert.Equal(all.Select(m => m.Version).Order(), all.Select(m => m.Version));
        Assert.Equal(all.Count, all.Select(m => m.Version).Distinct().Count());
        Assert.Contains(all, m => m.Name == "0003_bands");
        Assert.All(all, m => Assert.False(string.IsNullOrWhiteSpace(m.Sql)));
    }

    [Fact]
    public void Catalog_WithADuplicateOrNoFirstStep_RefusesToRun_ButAcceptsAGap()
    {
        Migration[] gap = [new(1, "0001_a", "SELECT 1;"), new(3, "0003_c", "SELECT 1;")];
        Migration[] duplicate = [new(1, "0001_a", "SELECT 1;"), new(1, "0001_b", "SELECT 1;")];
        Migration[] noFirst = [new(2, "0002_b", "SELECT 1;")];

        Assert.Equal([1, 3], MigrationCatalog.InOrder(gap).Select(m => m.Version));
        Assert.Contains("0001_b", Assert.Throws<InvalidOperationException>(() => MigrationCatalog.InOrder(duplicate)).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => MigrationCatalog.InOrder(noFirst));
        Assert.Throws<InvalidOperationException>(() => MigrationCatalog.InOrder([]));
    }

    [Fact]
    public async Task Migrate_WhenAStepBelowTheVersionArrivesLater_AppliesItOnce()
    {
        // 0003 released on one branch, 0002 written concurrently on another and merged afterwards.
        Migration[] first = [new(1, "0001_a", "CREATE TABLE a (id INTEGER PRIMARY KEY);"), new(3, "0003_c", "CREATE TABLE c (id INTEGER PRIMARY KEY);")];
        Migration[] merged = [first[0], new(2, "0002_b", "CREATE TABLE b (id INTEGER PRIMARY KEY);"), first[1]];
        await Migrator(first).MigrateAsync(CancellationToken.None);

        var applied = await Migrator(merged).MigrateAsync(CancellationToken.None);
        var again = await Migrator(merged).MigrateAsync(CancellationToken.None);

        Assert.Equal(1, applied);
        Assert.Equal(0, again);
        Assert.Equal(1L, await _database.ScalarAsync("SELECT count(*) FROM sqlite_schema WHERE name = 'b'"));
        Assert.Equal(3L, await _database.ScalarAsync("PRAGMA user_version"));
        Assert.Equal(3L, await _database.ScalarAsync("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task Migrate_ADatabaseFromBeforeTheStepRecord_CountsEveryStepUpToItsVersionAsDone()
    {
        Migration[] old = [new(1, "0001_a", "CREATE TABLE a (id INTEGER PRIMARY KEY);"), new(2, "0002_b", "CREATE TABLE b (id INTEGER PRIMARY KEY);")];
        await _database.ExecuteAsync("CREATE TABLE a (id INTEGER PRIMARY KEY); CREATE TABLE b (id INTEGER PRIMARY KEY); PRAGMA user_version = 2;");

        var applied = await Migrator([.. old, new(3, "0003_c", "CREATE TABLE c (id INTEGER PRIMARY KEY);")]).MigrateAsync(CancellationToken.None);

        Assert.Equal(1, applied);
        Assert.Equal("0001_a,0002_b,0003_c", await _database.ScalarAsync("SELECT group_concat(name, ',') FROM (SELECT name FROM schema_migrations ORDER BY version)"));
    }

    [Fact]
    public async Task Migrate_WhenTheDatabaseHasAStepThisBuildDoesNotKnow_Refuses()
    {
        Migration[] merged = [new(1, "0001_a", "SELECT 1;"), new(2, "0002_b", "SELECT 1;"), new(3, "0003_c", "SELECT 1;")];
        await Migrator(merged).MigrateAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Migrator([merged[0], merged[2]]).MigrateAsync(CancellationToken.None));

        Assert.Contains("schema step 2", error.Message, StringComparison.Ordinal);
    }

    private DatabaseMigrator Migrator(IReadOnlyList<Migration> steps) =>
        new(new SqliteConnectionFactory(_database.Path), steps, NullLogger<DatabaseMigrator>.Instance);
}
