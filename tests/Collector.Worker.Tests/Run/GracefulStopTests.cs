using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Collector.TestKit.Fakes;
using Collector.TestKit.Storage;

namespace Collector.Worker.Tests.Run;

public sealed class GracefulStopTests
{
    [Fact]
    public async Task Run_OnSigtermDuringASlowCollection_ExitsWellWithinTenSecondsLeavingOnlyWholeBatches()
    {
        // 30 new accounts: two resolve batches (25 + 5) in flight together. The first request to arrive is held
        // for five minutes, the other is answered and written.
        await using var bluesky = new FakeBluesky();
        var accounts = Enumerable.Range(1, 30).Select(FakeBlueskyAccount.Numbered).ToList();
        accounts.ForEach(a => bluesky.AddAccount(a));
        await bluesky.StartAsync();
        bluesky.InjectFault(FakeFault.Delayed(TimeSpan.FromMinutes(5)), FakeBluesky.GetProfilesPath);

        await using var database = TempDatabase.CreateEmpty();
        var watchlist = Path.Combine(database.Directory, "watchlist.yaml");
        await File.WriteAllTextAsync(watchlist, "schedule: every 6h\nengagement_posts: 0\naccounts:\n"
            + string.Concat(accounts.Select(static a => $"  - bluesky: {a.Handle}\n")));
        await using var worker = CollectorProcess.Start(
            ["run"],
            new Dictionary<string, string>
            {
                ["COLLECTOR_STORAGE__PATH"] = database.Path,
                ["COLLECTOR_WATCHLIST__PATH"] = watchlist,
                ["COLLECTOR_PLATFORMS__BLUESKY__BASEURL"] = bluesky.BaseAddress.ToString(),
                ["COLLECTOR_PLATFORMS__BLUESKY__MAXRETRIES"] = "0",
                ["COLLECTOR_PLATFORMS__BLUESKY__ATTEMPTTIMEOUT"] = "00:10:00",
                ["COLLECTOR_PLATFORMS__BLUESKY__TOTALTIMEOUT"] = "01:00:00",
                ["COLLECTOR_HTTP__URLS"] = string.Empty,
                ["COLLECTOR_LOGGING__CONSOLE__FORMATTERNAME"] = "json",
            },
            database.Directory);

        await Eventually.HoldsAsync(
            async () => bluesky.CountRequests(FakeBluesky.GetProfilesPath) == 2 && await SnapshotsAsync(database) > 0,
            "one batch is written and the other is held by the platform");
        var written = await SnapshotsAsync(database);

        var stopping = Stopwatch.StartNew();
        await worker.SignalAsync("TERM");
        var exit = await worker.WaitForExitAsync(TimeSpan.FromSeconds(10));
        stopping.Stop();

        Assert.True(exit is not null, "still running 10 s after SIGTERM:\n" + string.Join('\n', worker.Output));
        Assert.Equal(0, exit);
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(8), $"stopping took {stopping.Elapsed}");

        // The answered batch is whole; the held one left nothing (no snapshot, no account, no attempt).
        Assert.Equal("ok", await database.ScalarAsync("PRAGMA integrity_check;"));
        Assert.Contains(written, new long[] { 5, 25 });
        Assert.Equal(written, await SnapshotsAsync(database));
        Assert.Equal(written, await database.CountAsync("accounts"));
        Assert.Equal(written, await database.CountAsync("watch_entries"));

        // The round was cancelled cooperatively (not killed), and the logs were JSON as configured.
        var events = worker.Output.Where(static l => l.StartsWith('{')).Select(static l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.NotEmpty(events);
        Assert.Contains(events, static e => e.GetProperty("Category").GetString() == "Collector.Worker.Jobs.ScheduledCollection"
            && e.GetProperty("Message").GetString()!.Contains("cancelled by shutdown", StringComparison.Ordinal));
        Assert.All(worker.Output, static l => Assert.StartsWith("{", l, StringComparison.Ordinal));
    }

    private static async Task<long> SnapshotsAsync(TempDatabase database)
    {
        try
        {
            return Convert.ToInt64(await database.ScalarAsync("SELECT count(*) FROM snapshots"), CultureInfo.InvariantCulture);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0; // not migrated yet
        }
    }
}
