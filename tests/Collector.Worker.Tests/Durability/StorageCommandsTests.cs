using System.Text.Json;
using Collector.TestKit.Fakes;
using Collector.TestKit.Storage;
using Collector.Worker.Tests.EndToEnd;
using Microsoft.Data.Sqlite;

namespace Collector.Worker.Tests.Durability;

/// <summary><c>backup</c>, <c>housekeeping</c> and a <c>collect</c> whose database fails, through the real command tree.</summary>
public sealed class StorageCommandsTests : IAsyncLifetime
{
    private const string AliceDid = "did:plc:alice0000000000000000000";
    private CliHarness _cli = null!;

    private string BackupPath => Path.Combine(_cli.Directory, "collector-backup.db");

    public async Task InitializeAsync()
    {
        _cli = await CliHarness.StartAsync();
        _cli.Bluesky.AddAccount(new FakeBlueskyAccount(AliceDid, "alice.example.com") { Followers = 20_000 });
        _cli.WriteWatchlist("""
            engagement_posts: 0
            accounts:
              - bluesky: alice.example.com
            """);
    }

    public async Task DisposeAsync() => await _cli.DisposeAsync();

    [Fact]
    public async Task Backup_ThenRestoreAsTheReadmeSays_BringsBackTheBackedUpState()
    {
        await _cli.RunAsync("collect");

        var backup = await _cli.RunAsync("backup", BackupPath);
        _cli.Bluesky.UpdateAccount(AliceDid, a => a with { Followers = 25_000 });
        await _cli.RunAsync("collect");
        Restore();
        var status = await _cli.RunAsync("status", "--json");

        Assert.Equal(0, backup.ExitCode);
        Assert.Contains($"backup written to {BackupPath}", backup.Out, StringComparison.Ordinal);
        Assert.Contains("1 snapshots, integrity check ok", backup.Out, StringComparison.Ordinal);
        Assert.Equal(0, status.ExitCode);
        var alice = Assert.Single(JsonDocument.Parse(status.Out).RootElement.EnumerateArray());
        Assert.Equal(20_000, alice.GetProperty("followers").GetInt64());
        Assert.Equal(1L, await SqliteFile.ScalarAsync(_cli.DatabasePath, "SELECT count(*) FROM snapshots"));
    }

    [Fact]
    public async Task Backup_WhenTheFileExists_ExitsWithUsageErrorAndLeavesIt_UnlessForced()
    {
        await _cli.RunAsync("collect");
        await File.WriteAllTextAsync(BackupPath, "keep me");

        var refused = await _cli.RunAsync("backup", BackupPath);
        var kept = await File.ReadAllTextAsync(BackupPath);
        var forced = await _cli.RunAsync("backup", BackupPath, "--force");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("already exists; pass --force to replace it", refused.Error, StringComparison.Ordinal);
        Assert.Equal("keep me", kept);
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal(["ok"], await SqliteFile.IntegrityCheckAsync(BackupPath));
    }

    [Fact]
    public async Task Backup_WhenThereIsNoDatabase_ExitsWithUsageErrorAndCreatesNothing()
    {
        var run = await _cli.RunAsync("backup", BackupPath);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("does not exist", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.DatabasePath));
        Assert.False(File.Exists(BackupPath));
    }

    [Fact]
    public async Task Housekeeping_RunsAndSaysWhatItDid()
    {
        await _cli.RunAsync("collect");

        var run = await _cli.RunAsync("housekeeping");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("retention off", run.Out, StringComparison.Ordinal);
        Assert.Contains("WAL checkpointed", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public async Task Housekeeping_WithRetainRawDaysBelowOne_IsASettingsError(int days)
    {
        WriteSettingsWith(new Dictionary<string, object> { ["RetainRawDays"] = days });

        var run = await _cli.RunAsync("housekeeping");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Storage:RetainRawDays must be between 1 and 36500", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Housekeeping_WithRetention_ReportsTheCutoff()
    {
        WriteSettingsWith(new Dictionary<string, object> { ["RetainRawDays"] = 3 });

        var run = await _cli.RunAsync("housekeeping");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("0 snapshots thinned from days before", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collect_WhenTheDatabaseStaysLocked_StopsWithExitCodeOneAndAClearMessage()
    {
        await _cli.RunAsync("collect");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = _cli.DatabasePath, Pooling = false }.ToString();
        await using var other = new SqliteConnection(connectionString);
        await other.OpenAsync();
        await using var hold = other.BeginTransaction(); // another process keeps the write lock past the busy timeout

        var started = TimeProvider.System.GetTimestamp();
        var run = await _cli.RunAsync("collect");
        var waited = TimeProvider.System.GetElapsedTime(started);

        Assert.Equal(1, run.ExitCode);
        Assert.InRange(waited, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(15)); // the 5 s lock wait, not 30
        Assert.Contains($"collect stopped: database is locked by another writer for longer than the busy timeout: {_cli.DatabasePath}", run.Error, StringComparison.Ordinal);
        Assert.Contains("batches saved before the failure are kept", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal); // no stack trace
    }

    /// <summary>The README's restore: stop the worker, drop its -wal/-shm, copy the backup over the database.</summary>
    private void Restore()
    {
        SqliteConnection.ClearAllPools(); // "stop the worker": nothing holds the file any more
        File.Delete(_cli.DatabasePath + "-wal");
        File.Delete(_cli.DatabasePath + "-shm");
        File.Copy(BackupPath, _cli.DatabasePath, overwrite: true);
    }

    private void WriteSettingsWith(Dictionary<string, object> storage) => _cli.WriteSettings(new Dictionary<string, object>
    {
        ["Storage"] = storage,
        ["Platforms"] = new Dictionary<string, object>
        {
            ["Bluesky"] = new Dictionary<string, object> { ["BaseUrl"] = _cli.Bluesky.BaseAddress.ToString() },
        },
    });
}
