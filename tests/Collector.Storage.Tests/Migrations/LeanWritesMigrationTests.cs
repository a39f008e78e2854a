using Collector.Storage.Migrations;
using Collector.Storage.Status;
using Collector.TestKit.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collector.Storage.Tests.Migrations;

/// <summary>0005_lean_writes on a database written by the 0004 schema: nothing is lost, the rules of 0005 hold after.</summary>
public sealed class LeanWritesMigrationTests : IDisposable
{
    private readonly TempDatabase _database = TempDatabase.CreateEmpty();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Migrate_FromVersion4_KeepsAccountsSpansAndSnapshots_AndOpensTheCurrentSpans()
    {
        var connections = new SqliteConnectionFactory(_database.Path);
        var logger = NullLogger<DatabaseMigrator>.Instance;
        await new DatabaseMigrator(connections, [.. MigrationCatalog.All.Where(m => m.Version <= 4)], logger).MigrateAsync(CancellationToken.None);

        // As the 0004 writer left it: the trigger kept latest_snapshot_id, every span had a last_seen_at.
        await _database.ExecuteAsync("""
            INSERT INTO accounts (id, platform, platform_id, handle, first_seen_at) VALUES (1, 'bluesky', 'did:plc:a', 'new.example.com', 1000);
            INSERT INTO account_handles (account_id, handle, first_seen_at, last_seen_at) VALUES (1, 'old.example.com', 1000, 2000), (1, 'new.example.com', 3000, 4000);
            INSERT INTO snapshots (account_id, collected_at, followers) VALUES (1, 1000, 10), (1, 2000, 20), (1, 3000, 30), (1, 4000, 40);
            INSERT INTO watch_entries (platform, watch_key, account_id, first_seen_at, last_attempt_at, last_success_at) VALUES ('bluesky', 'old.example.com', 1, 1000, 4000, 4000);
            INSERT INTO band_states (account_id, last_snapshot_id, updated_at) VALUES (1, 4, 4000);
            """);
        Assert.Equal(4L, await _database.ScalarAsync("SELECT latest_snapshot_id FROM accounts"));

        await new DatabaseMigrator(connections, logger).MigrateAsync(CancellationToken.None);

        Assert.Equal(0L, await _database.ScalarAsync("SELECT count(*) FROM pragma_table_info('accounts') WHERE name = 'latest_snapshot_id'"));
        Assert.Equal(0L, await _database.ScalarAsync("SELECT count(*) FROM sqlite_schema WHERE name = 'snapshots_track_latest'"));
        Assert.Equal("new.example.com", await _database.ScalarAsync("SELECT handle FROM accounts WHERE id = 1"));
        Assert.Equal(2000L, await _database.ScalarAsync("SELECT last_seen_at FROM account_handles WHERE handle = 'old.example.com'"));
        Assert.Null(await _database.ScalarAsync("SELECT last_seen_at FROM account_handles WHERE handle = 'new.example.com'"));
        Assert.Equal(4L, await _database.ScalarAsync("SELECT count(*) FROM snapshots"));
        Assert.Empty(await SqliteFile.ForeignKeyProblemsAsync(_database.Path));
        Assert.Equal(["ok"], await SqliteFile.IntegrityCheckAsync(_database.Path));

        var status = Assert.Single(await new SqliteStatusReader(connections).GetStatusAsync(CancellationToken.None));
        Assert.Equal(40L, status.Latest!.Followers);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(4000), status.State!.LastSuccessAt);

        // The foreign keys still point at the rebuilt table.
        await Assert.ThrowsAnyAsync<Microsoft.Data.Sqlite.SqliteException>(() =>
            _database.ExecuteAsync("INSERT INTO snapshots (account_id, collected_at) VALUES (99, 5000)"));
    }
}
