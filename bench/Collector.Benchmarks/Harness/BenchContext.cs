using Collector.Benchmarks.Round;
using Collector.Core.Platforms;

namespace Collector.Benchmarks.Harness;

/// <summary>What every scenario shares: options, the temporary workspace, the fake server and the report.</summary>
internal sealed class BenchContext(BenchOptions options, Workspace workspace, ServerProcess server, IReadOnlyList<string> platforms, Report report)
{
    /// <summary>Profile ids per request each API allows (platform-apis.md): the "API minimum" of the targets.</summary>
    public static readonly IReadOnlyDictionary<string, int> ApiBatch = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [PlatformKeys.Bluesky] = 25,
        [PlatformKeys.X] = 100,
        [PlatformKeys.YouTube] = 50,
        [PlatformKeys.Mastodon] = 1,
    };

    private string? _throughputTemplate;
    private string? _throughputWatchlist;

    public BenchOptions Options => options;

    public Workspace Workspace => workspace;

    public ServerProcess Server => server;

    /// <summary>The platforms the product registers a client for (all four once Mastodon and YouTube landed).</summary>
    public IReadOnlyList<string> Platforms => platforms;

    public Report Report => report;

    public static long MinimumRequests(string platform, int accounts) => (accounts + ApiBatch[platform] - 1) / ApiBatch[platform];

    /// <summary>Runs one <c>round</c> child against <paramref name="database"/>; fails the run if the child fails.</summary>
    /// <param name="quiet">Whether its memory after the round is measured once the process has gone quiet, as the
    /// worker's second release happens (a minute more per round).</param>
    public async Task<RoundRun> RoundAsync(string settings, string database, string watchlist, CancellationToken token, bool quiet = false)
    {
        var serverCpu = server.CpuSeconds;
        string[] args = ["round", "--settings", settings, "--db", database, "--watchlist", watchlist, .. quiet ? (string[])["--quiet"] : []];
        var child = await ChildProcess.RunAsync(ChildProcess.Self(workspace.Root, args), token);
        var last = child.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (child.ExitCode != 0 || last is null)
        {
            throw new InvalidOperationException($"round child exited with {child.ExitCode}: {child.StderrTail}");
        }

        var round = RoundResult.Parse(last);
        foreach (var platform in round.Platforms.Where(static p => p.Collected != p.Accounts))
        {
            report.Check(false, $"{platform.Platform}: {platform.Collected} of {platform.Accounts} collected; first problem: {platform.FirstProblem}");
        }

        return new RoundRun(round, child, server.CpuSeconds - serverCpu);
    }

    /// <summary>
    /// The database after a first (resolving) round over the throughput watchlist, made once and copied by every
    /// scenario that needs resolved accounts. The first round is itself a figure of the throughput section.
    /// </summary>
    public async Task<(string Database, string Watchlist)> ThroughputTemplateAsync(CancellationToken token)
    {
        if (_throughputTemplate is not null)
        {
            return (_throughputTemplate, _throughputWatchlist!);
        }

        var perPlatform = options.ThroughputAccounts / platforms.Count;
        var watchlist = WatchlistFile.Write(workspace, platforms, perPlatform, engagementPosts: 0);
        var settings = workspace.WriteSettings(server.BaseAddress, options.Concurrency);
        var database = workspace.NewPath("throughput-template.db");
        Progress.Write($"throughput: first round resolves {perPlatform * platforms.Count:N0} accounts");
        await server.ResetCountsAsync(token);
        var (round, process, _) = await RoundAsync(settings, database, watchlist, token);
        var counts = await server.CountsAsync(token);
        report.Add("throughput", $"first round (resolves handles), {Report.Int(round.Accounts)} accounts",
            $"{Report.Num(round.RoundSeconds)} s round, {Report.Num(process.Elapsed.TotalSeconds)} s process",
            target: $"{Report.Int(platforms.Sum(counts.Platform))} requests");
        Workspace.Checkpoint(database);
        (_throughputTemplate, _throughputWatchlist) = (database, watchlist);
        return (database, watchlist);
    }
}

/// <summary>One round child: its own report, the process as seen from outside, and the fake server's CPU meanwhile.</summary>
internal sealed record RoundRun(RoundResult Round, ChildResult Process, double ServerCpuSeconds);
