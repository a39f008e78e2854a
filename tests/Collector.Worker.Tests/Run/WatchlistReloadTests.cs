using System.Diagnostics;
using System.Text.Json;
using Collector.TestKit.Fakes;
using Collector.Worker.Jobs;
using Collector.Worker.Watchlists;
using Collector.Worker.Web;
using Microsoft.Extensions.Logging;

namespace Collector.Worker.Tests.Run;

public sealed class WatchlistReloadTests
{
    private static readonly FakeBlueskyAccount Alice = new("did:plc:aliceaaaaaaaaaaaaaaaaaaa", "alice.bsky.social");
    private static readonly FakeBlueskyAccount Bob = new("did:plc:bobbbbbbbbbbbbbbbbbbbbbb", "bob.bsky.social");

    private const string AliceOnly = """
        schedule: every 6h
        engagement_posts: 0
        accounts:
          - bluesky: alice.bsky.social
        """;

    private const string AliceAndBob = """
        schedule: every 6h
        engagement_posts: 0
        accounts:
          - bluesky: alice.bsky.social
          - bluesky: bob.bsky.social
        """;

    [Fact]
    public async Task Reload_EditInPlace_SchedulesTheNewAccountAndCollectsIt()
    {
        await using var worker = await StartedAsync(AliceOnly);

        await File.WriteAllTextAsync(worker.WatchlistPath, AliceAndBob);

        await WaitForVersionAsync(worker, 2);
        Assert.Equal(["alice.bsky.social", "bob.bsky.social"], worker.Get<WatchlistState>().Current.Accounts.Select(static a => a.Handle));
        await Eventually.HoldsAsync(async () => await worker.SnapshotsOfAsync(Bob.Did) == 1, "the new account was collected");
        Assert.Equal(1, await worker.SnapshotsOfAsync(Alice.Did));
        Assert.Equal(["bob.bsky.social"], worker.ProfileRequests()[^1]);
    }

    [Fact]
    public async Task Reload_SaveByRename_MovesTheAccountToItsNewScheduleJob()
    {
        await using var worker = await StartedAsync(AliceOnly);

        // What editors do: write a new file next to the old one, then rename it over.
        var temporary = Path.Combine(worker.ConfigDirectory, ".watchlist.yaml.swp");
        await File.WriteAllTextAsync(temporary, AliceOnly.Replace("every 6h", "every 2h", StringComparison.Ordinal));
        File.Move(temporary, worker.WatchlistPath, overwrite: true);

        await WaitForVersionAsync(worker, 2);

        // The new watchlist is in force first, then the schedule follows it: wait for the new group's next round.
        await Eventually.HoldsAsync(async () => await worker.NextRoundAsync("bluesky", "every 2h") is not null, "the new group was scheduled");
        var scheduler = await worker.SchedulerAsync();
        Assert.Null(await scheduler.GetJobDetail(new CollectionGroup("bluesky", "every 6h").JobKey));
        Assert.Equal(WorkerHarness.Start.AddHours(2), await worker.NextRoundAsync("bluesky", "every 2h"));
    }

    [Fact]
    public async Task Reload_KubernetesConfigMapSymlinkSwap_IsPickedUp()
    {
        // A ConfigMap volume: watchlist.yaml -> ..data/watchlist.yaml, ..data -> a timestamped directory. An update
        // writes a new directory and renames a new ..data link over the old one; the watched file is never written.
        await using var worker = await WorkerHarness.CreateAsync(AliceOnly, Alice, Bob);
        var directory = worker.ConfigDirectory;
        File.Delete(worker.WatchlistPath);
        await WriteVersionAsync(directory, "..2026_03_02_12_00_00.1", AliceOnly);
        File.CreateSymbolicLink(Path.Combine(directory, "..data"), "..2026_03_02_12_00_00.1");
        File.CreateSymbolicLink(worker.WatchlistPath, "..data/watchlist.yaml");
        var probe = new Jobs.RoundProbe();
        await worker.StartAsync(listener: probe);
        await Eventually.HoldsAsync(() => probe.Completed >= 1, "the first round ran");

        await WriteVersionAsync(directory, "..2026_03_02_12_05_00.2", AliceAndBob);
        File.CreateSymbolicLink(Path.Combine(directory, "..data_tmp"), "..2026_03_02_12_05_00.2");
        await RenameAsync(Path.Combine(directory, "..data_tmp"), Path.Combine(directory, "..data"));

        await WaitForVersionAsync(worker, 2);
        Assert.Equal(2, worker.Get<WatchlistState>().Current.Accounts.Count);
        await Eventually.HoldsAsync(async () => await worker.SnapshotsOfAsync(Bob.Did) == 1, "the new account was collected");
    }

    [Fact]
    public async Task Reload_BrokenEdit_KeepsTheLastValidWatchlistAndReportsEveryProblem()
    {
        await using var worker = await StartedAsync(AliceOnly, http: true);
        var state = worker.Get<WatchlistState>();

        await File.WriteAllTextAsync(worker.WatchlistPath, """
            schedule: every 6h
            engagement_posts: 0
            accounts:
              - bluesky: alice.bsky.social
              - bluesky: not a handle
                shedule: every 1h
            """);
        var edited = worker.Clock.GetUtcNow();
        await Eventually.HoldsAsync(() => !state.Read().FileIsValid, "the edit was rejected", worker.Clock);
        Assert.InRange(state.Read().RejectedAt!.Value - edited, TimeSpan.Zero, WatchlistReloader.PollInterval / 2);

        // The last valid watchlist and its schedule stay in force.
        var snapshot = state.Read();
        Assert.Equal(1, snapshot.Version);
        Assert.Equal(["alice.bsky.social"], snapshot.Document.Accounts.Select(static a => a.Handle));
        Assert.Equal(WorkerHarness.Start.AddHours(6), await worker.NextRoundAsync("bluesky", "every 6h"));

        // Every problem, with its line and column: in the log, in /healthz, and counted in /metrics.
        Assert.Equal([5, 6], snapshot.Problems.Select(static p => p.Line).Order());
        var logged = worker.Logs.Entries.Where(static e => e.Level == LogLevel.Error).Select(static e => e.Message).ToList();
        foreach (var problem in snapshot.Problems)
        {
            Assert.Contains($"{worker.WatchlistPath}:{problem.Line}:{problem.Column}: {problem.Message}", logged);
        }

        using var http = new HttpClient { BaseAddress = worker.HttpAddress };
        using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        using var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.Equal("degraded", body.RootElement.GetProperty("status").GetString());
        var watchlist = body.RootElement.GetProperty("watchlist");
        Assert.False(watchlist.GetProperty("valid").GetBoolean());
        Assert.Equal(snapshot.Problems.Select(static p => p.ToString()), watchlist.GetProperty("problems").EnumerateArray().Select(static p => p.GetString()));
        Assert.Contains("\ncollector_watchlist_reload_errors_total 1\n", await http.GetStringAsync(new Uri("/metrics", UriKind.Relative)));

        // Fixing the file puts the new watchlist in force and clears the error.
        await File.WriteAllTextAsync(worker.WatchlistPath, AliceAndBob);
        await WaitForVersionAsync(worker, 2);
        Assert.True(state.Read().FileIsValid);
        Assert.Equal(2, state.Current.Accounts.Count);
    }

    [Fact]
    public async Task Reload_WhenTheFileDisappears_KeepsTheWatchlistAndReportsItOnce()
    {
        await using var worker = await StartedAsync(AliceOnly);
        var state = worker.Get<WatchlistState>();

        File.Delete(worker.WatchlistPath);
        await Eventually.HoldsAsync(() => !state.Read().FileIsValid, "the missing file was reported", worker.Clock);
        Assert.Equal("file not found", Assert.Single(state.Read().Problems).Message);

        // Several polls later it is still one report, and the watchlist in force is untouched.
        var until = worker.Clock.GetUtcNow() + (WatchlistReloader.PollInterval * 3);
        await Eventually.HoldsAsync(() => worker.Clock.GetUtcNow() > until, "three polls went by", worker.Clock, TimeSpan.FromSeconds(2));
        Assert.Contains("\ncollector_watchlist_reload_errors_total 1\n", worker.Get<PrometheusExporter>().Scrape(), StringComparison.Ordinal);
        Assert.Single(worker.Logs.Entries, static e => e.Message.EndsWith(": file not found", StringComparison.Ordinal));
        Assert.Equal(["alice.bsky.social"], state.Current.Accounts.Select(static a => a.Handle));

        await File.WriteAllTextAsync(worker.WatchlistPath, AliceAndBob);
        await WaitForVersionAsync(worker, 2);
        Assert.True(state.Read().FileIsValid);
    }

    private static async Task<WorkerHarness> StartedAsync(string watchlist, bool http = false)
    {
        var worker = await WorkerHarness.CreateAsync(watchlist, Alice, Bob);
        var probe = new Jobs.RoundProbe();
        await worker.StartAsync(http, listener: probe);
        await Eventually.HoldsAsync(() => probe.Completed >= 1, "the first round ran");
        return worker;
    }

    /// <summary>
    /// Waits (moving the fake clock) for the reload, and checks that the watcher caught the change rather than the
    /// fallback poll: the reload happened well within one poll interval of the edit.
    /// </summary>
    private static async Task WaitForVersionAsync(WorkerHarness worker, int version)
    {
        var edited = worker.Clock.GetUtcNow();
        await Eventually.HoldsAsync(() => worker.Get<WatchlistState>().Read().Version >= version, $"watchlist version {version} is in force", worker.Clock);
        Assert.InRange(worker.Get<WatchlistState>().Read().LoadedAt - edited, TimeSpan.Zero, WatchlistReloader.PollInterval / 2);
    }

    private static async Task WriteVersionAsync(string directory, string name, string watchlist)
    {
        Directory.CreateDirectory(Path.Combine(directory, name));
        await File.WriteAllTextAsync(Path.Combine(directory, name, "watchlist.yaml"), watchlist);
    }

    /// <summary>rename(2) of a symlink over another, as the kubelet does; File.Move follows links to directories.</summary>
    private static async Task RenameAsync(string from, string to)
    {
        using var mv = Process.Start(new ProcessStartInfo("mv", ["-T", "-f", from, to]))!;
        await mv.WaitForExitAsync();
        Assert.Equal(0, mv.ExitCode);
    }
}
