using System.Text;
using System.Text.Json;
using Collector.TestKit.Fakes;
using Collector.TestKit.Storage;

namespace Collector.Worker.Tests.Durability;

/// <summary>
/// A <c>collector collect</c> over thousands of accounts, killed with SIGKILL at different moments: the database is
/// intact after every kill, holds only whole batches, and the next run completes.
/// </summary>
public sealed class CrashTests : IAsyncLifetime
{
    private const int Accounts = 3000;
    private const int BatchSize = 25; // getProfiles takes 25 actors: every batch of this watchlist is full

    // Kill points: after this many profile requests of the run (0: a fixed moment during startup), plus a jitter.
    private static readonly int[] KillAfterRequests = [0, 3, 17, 40, 66, 95];

    private readonly FakeBluesky _bluesky = new();
    private string _directory = null!;

    private string DatabasePath => Path.Combine(_directory, "data", "collector.db");

    public async Task InitializeAsync()
    {
        await _bluesky.StartAsync();
        _directory = Directory.CreateTempSubdirectory("collector-crash-").FullName;
        var yaml = new StringBuilder("engagement_posts: 0\naccounts:\n");
        for (var i = 1; i <= Accounts; i++)
        {
            var account = _bluesky.AddAccount(FakeBlueskyAccount.Numbered(i));
            yaml.Append("  - bluesky: ").Append(account.Handle).Append('\n');
        }

        await File.WriteAllTextAsync(Path.Combine(_directory, "watchlist.yaml"), yaml.ToString());
        await File.WriteAllTextAsync(Path.Combine(_directory, "settings.json"), JsonSerializer.Serialize(new
        {
            Platforms = new { Bluesky = new { BaseUrl = _bluesky.BaseAddress.ToString(), RetryBaseDelay = "00:00:00.010" } },
        }));
    }

    public async Task DisposeAsync()
    {
        await _bluesky.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Collect_KilledAtManyMoments_LeavesAnIntactDatabaseOfWholeBatches_AndTheNextRunCompletes()
    {
        var random = new Random(7);
        var progress = new List<long>();
        long before = 0;
        foreach (var threshold in KillAfterRequests)
        {
            var requestsBefore = _bluesky.CountRequests(FakeBluesky.GetProfilesPath);
            using var child = StartCollect();
            if (threshold == 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(150), TimeProvider.System);
            }
            else
            {
                await WaitForRequestsAsync(child, requestsBefore + threshold);
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(0, 15)), TimeProvider.System);
            }

            await child.KillAsync();

            var after = await AssertIntactAndWholeBatchesAsync();
            progress.Add(after - before);
            before = after;
        }

        // Most kills landed after the run had committed something and before it had finished.
        Assert.True(progress.Count(static p => p is > 0 and < Accounts) >= 3, $"snapshots per killed run: {string.Join(", ", progress)}");

        using var final = StartCollect();
        var exitCode = await final.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.True(exitCode == 0, final.Output);
        var total = await AssertIntactAndWholeBatchesAsync();
        Assert.Equal(before + Accounts, total);
        Assert.Equal(0L, await SqliteFile.ScalarAsync(DatabasePath, "SELECT count(*) FROM accounts AS a WHERE NOT EXISTS (SELECT 1 FROM snapshots AS s WHERE s.account_id = a.id)"));
        Assert.Equal(Accounts, await SqliteFile.ScalarAsync(DatabasePath, "SELECT count(*) FROM watch_entries WHERE last_success_at IS NOT NULL"));
    }

    private ChildCollector StartCollect() => ChildCollector.Start(
        _directory,
        "collect",
        "--settings", Path.Combine(_directory, "settings.json"),
        "--watchlist", Path.Combine(_directory, "watchlist.yaml"),
        "--db", DatabasePath);

    private async Task WaitForRequestsAsync(ChildCollector child, int requests)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (_bluesky.CountRequests(FakeBluesky.GetProfilesPath) < requests && !child.HasExited)
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(20), $"no progress; output:\n{child.Output}");
            await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System);
        }
    }

    /// <summary>
    /// The checks after a kill; returns the number of snapshots. Each batch writes, in one transaction, 25 snapshots
    /// and marks the same 25 watch entries successful at the same instants: a batch cut in two would leave a count
    /// that is not a multiple of 25, or a snapshot whose entry does not know it.
    /// </summary>
    private async Task<long> AssertIntactAndWholeBatchesAsync()
    {
        if (!File.Exists(DatabasePath))
        {
            return 0; // killed before the database was created
        }

        Assert.Equal(["ok"], await SqliteFile.IntegrityCheckAsync(DatabasePath));
        Assert.Empty(await SqliteFile.ForeignKeyProblemsAsync(DatabasePath));
        if (await SqliteFile.ScalarAsync(DatabasePath, "SELECT count(*) FROM sqlite_schema WHERE name = 'snapshots'") == 0)
        {
            return 0; // killed before the first migration committed: it was rolled back whole
        }

        var snapshots = await SqliteFile.ScalarAsync(DatabasePath, "SELECT count(*) FROM snapshots");
        var resolved = await SqliteFile.ScalarAsync(DatabasePath, "SELECT count(*) FROM watch_entries WHERE account_id IS NOT NULL");
        Assert.Equal(0, snapshots % BatchSize);
        Assert.Equal(0, resolved % BatchSize);
        Assert.Equal(0L, await SqliteFile.ScalarAsync(DatabasePath, """
            SELECT count(*)
              FROM watch_entries AS w
             WHERE w.account_id IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM snapshots AS s WHERE s.account_id = w.account_id)
            """));
        return snapshots;
    }
}
