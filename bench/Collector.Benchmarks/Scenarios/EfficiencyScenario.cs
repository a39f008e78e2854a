using Collector.Benchmarks.Harness;
using Collector.Core.Platforms;

namespace Collector.Benchmarks.Scenarios;

/// <summary>
/// Request efficiency: a resolving round, a profile-only round and an engagement round over N accounts per platform,
/// counted by the fake server per endpoint, against the API minimum; and the naive one-request-per-account client's
/// count beside it. Request counts do not vary between runs, so each round runs once.
/// </summary>
internal static class EfficiencyScenario
{
    private const int EngagementPosts = 12;

    public static async Task RunAsync(BenchContext context, CancellationToken token)
    {
        var n = context.Options.EfficiencyPerPlatform;
        var platforms = context.Platforms;
        var workspace = context.Workspace;
        var server = context.Server;
        var report = context.Report;
        var settings = workspace.WriteSettings(server.BaseAddress, context.Options.Concurrency);
        var database = workspace.NewPath("efficiency.db");
        var profileOnly = WatchlistFile.Write(workspace, platforms, n, engagementPosts: 0);
        var engaged = WatchlistFile.Write(workspace, platforms, n, EngagementPosts);

        Progress.Write($"efficiency: resolving round, {n:N0} accounts per platform");
        var resolve = await CountRoundAsync(context, settings, database, profileOnly, token);
        Progress.Write("efficiency: profile-only round (ids known)");
        var profiles = await CountRoundAsync(context, settings, database, profileOnly, token);
        Progress.Write($"efficiency: engagement round ({EngagementPosts} posts per account)");
        var engagement = await CountRoundAsync(context, settings, database, engaged, token);
        Progress.Write("efficiency: naive client, one request per account");
        await server.ResetCountsAsync(token);
        var naive = await NaiveClient.RunAsync(server.BaseAddress, platforms, n, context.Options.Concurrency, token);
        var naiveCounts = await server.CountsAsync(token);
        report.Check(naive.Failures == 0, $"naive client: {naive.Failures} failed requests");

        foreach (var platform in platforms)
        {
            var minimum = BenchContext.MinimumRequests(platform, n);
            var actual = profiles.Profiles(platform);
            var ratio = (double)actual / minimum;
            var naiveRatio = (double)naiveCounts.Profiles(platform) / minimum;
            report.Add("efficiency", $"{platform}: profile requests, {Report.Int(n)} accounts (ids known)",
                Report.Int(actual), $"naive {Report.Int(naiveCounts.Profiles(platform))} (ratio {Report.Num(naiveRatio)})",
                Report.Num(ratio), $"= {Report.Int(minimum)} (1.00)", actual == minimum);
            report.Check(actual == minimum, $"{platform}: {actual} profile requests for {n} known accounts, API minimum {minimum}");
            report.Check(naiveCounts.Profiles(platform) == n, $"{platform}: naive client sent {naiveCounts.Profiles(platform)} profile requests for {n} accounts");

            var extra = (double)(engagement.Platform(platform) - engagement.Profiles(platform)) / n;
            var allowed = platform == PlatformKeys.YouTube ? 2 : 1;
            report.Add("efficiency", $"{platform}: engagement requests per account ({EngagementPosts} posts)",
                Report.Num(extra), target: $"≤ {allowed}", met: extra <= allowed);
            report.Check(engagement.Profiles(platform) == minimum, $"{platform}: engagement round sent {engagement.Profiles(platform)} profile requests, expected {minimum}");

            var resolveMinimum = platform is PlatformKeys.YouTube or PlatformKeys.Mastodon ? n : minimum;
            report.Add("efficiency", $"{platform}: first round (resolve handles)", Report.Int(resolve.Profiles(platform)),
                target: $"{Report.Int(resolveMinimum)} (API: {(resolveMinimum == n ? "one handle per call" : "batched")})",
                met: resolve.Profiles(platform) == resolveMinimum);
        }

        report.Add("efficiency", "naive client, profile round at zero latency",
            $"{Report.Num(naive.Elapsed.TotalSeconds)} s for {Report.Int(n * platforms.Count)} requests");
        report.Check(profiles.Unknown + engagement.Unknown + resolve.Unknown == 0, "requests to unknown fake endpoints");
    }

    private static async Task<RequestCounts> CountRoundAsync(BenchContext context, string settings, string database, string watchlist, CancellationToken token)
    {
        await context.Server.ResetCountsAsync(token);
        await context.RoundAsync(settings, database, watchlist, token);
        return await context.Server.CountsAsync(token);
    }
}
