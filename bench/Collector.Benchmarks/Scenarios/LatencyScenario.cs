using Collector.Benchmarks.Harness;

namespace Collector.Benchmarks.Scenarios;

/// <summary>
/// Throughput under latency: every fake answer delayed by L ms, a profile-only round over K resolved accounts per
/// platform at concurrency C. What batch sizes and concurrency allow: a platform needs R = ceil(K / batch) requests,
/// at most C at a time, so no less than ceil(R / C) × L; platforms run side by side, so the round needs the longest
/// of those. The figure is that bound divided by the measured round (database writes included).
/// </summary>
internal static class LatencyScenario
{
    private const double TargetEfficiency = 0.80;

    public static async Task RunAsync(BenchContext context, CancellationToken token)
    {
        var (template, _) = await context.ThroughputTemplateAsync(token);
        var options = context.Options;
        var perPlatform = Math.Min(options.LatencyPerPlatform, options.ThroughputAccounts / context.Platforms.Count);
        var latency = TimeSpan.FromMilliseconds(options.LatencyMs);
        var concurrency = options.LatencyConcurrency;
        var settings = context.Workspace.WriteSettings(context.Server.BaseAddress, concurrency);
        var watchlist = WatchlistFile.Write(context.Workspace, context.Platforms, perPlatform, engagementPosts: 0);
        var bounds = context.Platforms.ToDictionary(
            static p => p,
            p => Math.Ceiling(BenchContext.MinimumRequests(p, perPlatform) / (double)concurrency) * latency.TotalSeconds,
            StringComparer.Ordinal);
        var bound = bounds.Values.Max();

        var rounds = new List<Round.RoundResult>();
        await context.Server.SetLatencyAsync(latency, token);
        try
        {
            for (var run = 1; run <= options.Runs; run++)
            {
                Progress.Write($"latency: round {run}/{options.Runs}, {perPlatform:N0} accounts per platform, {options.LatencyMs} ms, concurrency {concurrency}");
                var copy = context.Workspace.CopyDatabase(template);
                rounds.Add((await context.RoundAsync(settings, copy, watchlist, token)).Round);
                File.Delete(copy);
            }
        }
        finally
        {
            await context.Server.SetLatencyAsync(TimeSpan.Zero, CancellationToken.None);
        }

        var measured = Stats.Median(rounds.Select(static r => r.RoundSeconds));
        var efficiency = bound / measured;
        context.Report.Add("latency",
            $"profile-only round, {Report.Int(perPlatform * context.Platforms.Count)} accounts, {options.LatencyMs} ms per request, MaxConcurrency {concurrency} (median of {rounds.Count})",
            $"{Report.Num(measured)} s", $"bound {Report.Num(bound)} s", Report.Percent(efficiency), $"≥ {Report.Percent(TargetEfficiency)}",
            efficiency >= TargetEfficiency);
        foreach (var platform in context.Platforms)
        {
            var seconds = Stats.Median(rounds.Select(r => r.Platforms.Single(p => p.Platform == platform).Seconds));
            context.Report.Add("latency", $"  {platform}: {Report.Int(BenchContext.MinimumRequests(platform, perPlatform))} requests",
                $"{Report.Num(seconds)} s", $"bound {Report.Num(bounds[platform])} s", Report.Percent(bounds[platform] / seconds));
        }
    }
}
