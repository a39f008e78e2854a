using Collector.TestKit.Fakes;
using Collector.TestKit.Storage;
using Collector.Worker.Hosting;
using Collector.Worker.Jobs;
using Collector.Worker.Settings;
using Collector.Worker.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace Collector.Worker.Tests.Run;

/// <summary>
/// The real <c>run</c> host (<see cref="WorkerHost"/>) on a fake clock, a temp database and a watchlist in its own
/// temp directory, against a <see cref="FakeBluesky"/> on loopback. The fake server has a clock of its own, so a test
/// can hold a request (a delayed fault) while the worker's clock stands still. Start and stop it as often as a test
/// needs restarts; the database, watchlist and clocks survive.
/// </summary>
internal sealed class WorkerHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    private WorkerHarness(FakeTimeProvider serverClock, TempDatabase database, DirectoryInfo configDirectory)
    {
        ServerClock = serverClock;
        Bluesky = new FakeBluesky(serverClock);
        Database = database;
        ConfigDirectory = configDirectory.FullName;
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>The fake server's clock: delayed faults wait on it, so a request is held until it is advanced.</summary>
    public FakeTimeProvider ServerClock { get; }

    public FakeBluesky Bluesky { get; }

    public TempDatabase Database { get; }

    public string ConfigDirectory { get; }

    public string WatchlistPath => Path.Combine(ConfigDirectory, "watchlist.yaml");

    public CapturedLogs Logs { get; } = new();

    public IHost? Host { get; private set; }

    public IServiceProvider Services => Host?.Services ?? throw new InvalidOperationException("Start the worker first.");

    public static async Task<WorkerHarness> CreateAsync(string watchlist, params FakeBlueskyAccount[] accounts)
    {
        var database = TempDatabase.CreateEmpty();
        var harness = new WorkerHarness(new FakeTimeProvider(Start), database, Directory.CreateTempSubdirectory("collector-worker-tests-"));
        await File.WriteAllTextAsync(harness.WatchlistPath, watchlist);
        foreach (var account in accounts)
        {
            harness.Bluesky.AddAccount(account);
        }

        await harness.Bluesky.StartAsync();
        return harness;
    }

    /// <summary>Builds and starts the worker. <paramref name="http"/> serves /healthz and /metrics on a free loopback port.</summary>
    public async Task StartAsync(bool http = false, string? watchlistPath = null, IJobListener? listener = null)
    {
        var builder = WorkerHost.CreateBuilder(new CommandLineSettings(null, Database.Path, watchlistPath ?? WatchlistPath, Verbose: false));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Platforms:Bluesky:BaseUrl"] = Bluesky.BaseAddress.ToString(),
            ["Platforms:Bluesky:MaxRetries"] = "0",
            ["Platforms:Bluesky:AttemptTimeout"] = "00:10:00",
            ["Platforms:Bluesky:TotalTimeout"] = "01:00:00",
            ["Http:Urls"] = http ? "http://127.0.0.1:0" : string.Empty,
        });
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(Logs);

        var host = builder.Build();
        var problems = await WorkerHost.PrepareAsync(host.Services, CancellationToken.None);
        Assert.Empty(problems);
        if (listener is not null)
        {
            var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            scheduler.ListenerManager.AddJobListener(listener, [GroupMatcher<JobKey>.GroupEquals(CollectionGroup.JobGroup)]);
        }

        await host.StartAsync();
        Host = host;
    }

    public async Task StopAsync()
    {
        if (Host is { } host)
        {
            Host = null;
            await host.StopAsync();
            host.Dispose();
        }
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public async Task<IScheduler> SchedulerAsync() => await Get<ISchedulerFactory>().GetScheduler();

    public Uri HttpAddress => Get<WebEndpoint>().Addresses.Single();

    /// <summary>When the group's pending trigger fires next; null when it has none.</summary>
    public async Task<DateTimeOffset?> NextRoundAsync(string platform, string schedule)
    {
        var scheduler = await SchedulerAsync();
        var triggers = await scheduler.QueryTriggers(new TriggerQuery { Job = new CollectionGroup(platform, schedule).JobKey, Take = PagedQuery.All });
        return triggers.Items.Where(static t => t.State is TriggerState.Normal or TriggerState.Blocked).Min(static t => t.NextFireTimeUtc);
    }

    /// <summary>Quartz waits on real time; after moving the fake clock, a scheduling change makes it look again.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await (await SchedulerAsync()).ResumeAll();
    }

    /// <summary>Snapshots stored for the Bluesky account with this DID.</summary>
    public async Task<long> SnapshotsOfAsync(string did) =>
        (long)(await Database.ScalarAsync(
            "SELECT count(*) FROM snapshots s JOIN accounts a ON a.id = s.account_id WHERE a.platform_id = $did",
            ("$did", did)))!;

    /// <summary>The actors of every getProfiles request the fake received, one list per request.</summary>
    public IReadOnlyList<IReadOnlyList<string>> ProfileRequests() =>
        [.. Bluesky.RequestsTo(FakeBluesky.GetProfilesPath).Select(static r => r.QueryValues("actors"))];

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Bluesky.DisposeAsync();
        await Database.DisposeAsync();
        Directory.Delete(ConfigDirectory, recursive: true);
    }
}
