using Collector.Core.Storage;
using Collector.Storage.Backup;
using Collector.TestKit.Storage;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Tests.Backup;

public sealed class DatabaseBackupTests : StoreTestBase
{
    private string Target => Path.Combine(Database.Directory, "backups", "collector-backup.db");

    private DatabaseBackup Backup => new(new SqliteConnectionFactory(Database.Path));

    [Fact]
    public async Task Backup_CopiesEveryRowIntoAFileThatPassesItsIntegrityCheck()
    {
        await SaveAsync(Observed("alice").WithCounts(10, 1, 1), Observed("bob"));
        await SaveFailuresAsync(Failed("ghost", Core.Platforms.PlatformErrorKind.NotFound, "gone"));
        Directory.CreateDirectory(Path.GetDirectoryName(Target)!);

        var result = await Backup.BackupAsync(Target, overwrite: false, CancellationToken.None);

        Assert.Equal(Target, result.Path);
        Assert.Equal(2L, result.Snapshots);
        Assert.Equal(new FileInfo(Target).Length, result.Bytes);
        Assert.Equal(["ok"], await SqliteFile.IntegrityCheckAsync(Target));
        Assert.Equal(3L, await SqliteFile.ScalarAsync(Target, "SELECT count(*) FROM watch_entries"));
        Assert.Equal(10L, await SqliteFile.ScalarAsync(Target, "SELECT followers FROM snapshots ORDER BY id LIMIT 1"));
        Assert.Equal(await SqliteFile.ScalarAsync(Database.Path, "PRAGMA user_version"), await SqliteFile.ScalarAsync(Target, "PRAGMA user_version"));
    }

    [Fact]
    public async Task Backup_LeavesOnlyTheTargetBehind()
    {
        await SaveAsync(Observed("alice"));
        var directory = Path.GetDirectoryName(Target)!;
        Directory.CreateDirectory(directory);

        await Backup.BackupAsync(Target, overwrite: false, CancellationToken.None);

        Assert.Equal([Target], Directory.GetFiles(directory));
    }

    [Fact]
    public async Task Backup_WhenTheTargetExists_RefusesAndLeavesItUntouched_UnlessOverwriting()
    {
        await SaveAsync(Observed("alice"));
        Directory.CreateDirectory(Path.GetDirectoryName(Target)!);
        await File.WriteAllTextAsync(Target, "an older backup");

        var problem = Backup.CheckTarget(Target, overwrite: false);
        await Assert.ThrowsAsync<ArgumentException>(() => Backup.BackupAsync(Target, overwrite: false, CancellationToken.None));
        var kept = await File.ReadAllTextAsync(Target);
        await Backup.BackupAsync(Target, overwrite: true, CancellationToken.None);

        Assert.Contains("already exists; pass --force", problem, StringComparison.Ordinal);
        Assert.Equal("an older backup", kept);
        Assert.Equal(["ok"], await SqliteFile.IntegrityCheckAsync(Target));
    }

    [Theory]
    [InlineData("", "is the database itself")]
    [InlineData("-wal", "is the database itself")]
    [InlineData("/../missing-dir/x.db", "does not exist")]
    public async Task CheckTarget_RejectsUnusableTargets(string suffix, string expected)
    {
        await SaveAsync(Observed("alice"));
        var target = suffix.StartsWith('/') ? Database.Directory + suffix : Database.Path + suffix;

        Assert.Contains(expected, Backup.CheckTarget(target, overwrite: true), StringComparison.Ordinal);
    }

    [Fact]
    public void CheckTarget_WhenTheDatabaseDoesNotExist_SaysSo()
    {
        var backup = new DatabaseBackup(new SqliteConnectionFactory(Path.Combine(Database.Directory, "none.db")));

        Assert.Contains("none.db does not exist", backup.CheckTarget(Target, overwrite: false), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_OfADamagedDatabase_FailsItsIntegrityCheckAndKeepsNoFile()
    {
        await SaveAsync([.. Enumerable.Range(0, 300).Select(i => Observed($"account-{i}.example.com").Build())]);
        await DamageIndexAsync();
        var directory = Path.GetDirectoryName(Target)!;
        Directory.CreateDirectory(directory);

        var error = await Assert.ThrowsAsync<StorageException>(() => Backup.BackupAsync(Target, overwrite: false, CancellationToken.None));

        Assert.Equal(StorageErrorKind.Corrupt, error.Kind);
        Assert.StartsWith("backup copy failed its integrity check", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(directory));
    }

    /// <summary>Overwrites the cells at the end of the snapshot index's root page; the table itself stays readable.</summary>
    private async Task DamageIndexAsync()
    {
        var rootPage = (long)(await Database.ScalarAsync(
            "SELECT rootpage FROM sqlite_schema WHERE name = 'ix_snapshots_account_collected'"))!;
        var pageSize = (long)(await Database.ScalarAsync("PRAGMA page_size"))!;
        await Database.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        SqliteConnection.ClearAllPools();

        await using var file = new FileStream(Database.Path, FileMode.Open, FileAccess.Write);
        file.Seek((rootPage * pageSize) - 256, SeekOrigin.Begin);
        await file.WriteAsync(Enumerable.Repeat((byte)0x5A, 256).ToArray());
    }
}
