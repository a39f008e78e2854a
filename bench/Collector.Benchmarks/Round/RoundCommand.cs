using System.Diagnostics;
using Collector.Benchmarks.Harness;
using Collector.Core.Collection;
using Collector.Core.Notifications;
using Collector.Core.Watchlist;
using Collector.Worker.Cli;
using Collector.Worker.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace Collector.Benchmarks.Round;

/// <summary>
/// <c>Collector.Benchmarks round --settings F --db F --watchlist F [--quiet]</c>: one collection round through the product's own
/// code, in a process of its own so its memory is the collector's alone. The session is opened exactly as the CLI
/// opens one (<see cref="CommandSession"/>: layered settings, validation, watchlist, migration) and the round runs
/// like <c>collector collect</c> without a terminal (every platform side by side through <see cref="CollectionService"/>).
/// </summary>
internal static class RoundCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var cli = new CommandLineSettings(Arg(args, "--settings"), Arg(args, "--db"), Arg(args, "--watchlist"), Verbose: false);
        var startup = Stopwatch.StartNew();
        var errors = new StringWriter();
        var (session, exitCode) = await CommandSession.OpenAsync(
            cli, new CliConsole(TextWriter.Null, errors, Interactive: false), needsWatchlist: true, CancellationToken.None);
        if (session is null)
        {
            await Console.Error.WriteLineAsync(errors.ToString());
            return exitCode;
        }

        using (session)
        {
            startup.Stop();
            var idle = ProcessMemory.CurrentMb() ?? 0;
            var heapIdle = ProcessMemory.Mb(GC.GetTotalMemory(forceFullCollection: false));
            var committedIdle = ProcessMemory.Mb(GC.GetGCMemoryInfo().TotalCommittedBytes);
            var service = session.Services.GetRequiredService<CollectionService>();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var round = Stopwatch.StartNew();
            var platforms = await CollectAsync(service, session.Watchlist!.Accounts);

            // As `collect` does once its summary is printed: what the round's events announce goes out now.
            await session.Services.GetRequiredService<NotificationDispatcher>().DispatchPendingAsync(CancellationToken.None);
            round.Stop();
            var roundCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;

            var release = Stopwatch.StartNew();
            var peak = ProcessMemory.PeakMb() ?? 0;
            var after = ProcessMemory.CurrentMb() ?? 0;
            // As the worker leaves its process between rounds (RoundMemory): released from a timer after the round has
            // unwound (inside the round's continuation its frames would keep 12 MB alive) and, with --quiet, released
            // again once the thread pool has retired the round's threads.
            await Task.Delay(TimeSpan.FromMilliseconds(300), TimeProvider.System);
            Collector.Worker.Jobs.RoundMemory.ReleaseNow();
            if (args.Contains("--quiet"))
            {
                await Task.Delay(Collector.Worker.Jobs.RoundMemory.QuietDelay, TimeProvider.System);
                Collector.Worker.Jobs.RoundMemory.ReleaseNow();
            }
            var afterGc = ProcessMemory.CurrentMb() ?? 0;
            var heapAfterGc = ProcessMemory.Mb(GC.GetTotalMemory(forceFullCollection: true));
            var committedAfterGc = ProcessMemory.Mb(GC.GetGCMemoryInfo().TotalCommittedBytes);

            var result = new RoundResult(
                startup.Elapsed.TotalSeconds, round.Elapsed.TotalSeconds, roundCpu, idle, peak, after, afterGc, heapIdle, heapAfterGc,
                committedIdle, committedAfterGc, release.Elapsed.TotalSeconds, platforms);
            await Console.Out.WriteLineAsync(result.ToJson());
            return 0;
        }
    }

    /// <summary>
    /// As <c>collect</c> does when its output is redirected: each platform's accounts through the service, platforms
    /// side by side. Only counts leave this method, so the reports can be collected before the idle measurement.
    /// </summary>
    private static async Task<IReadOnlyList<PlatformRound>> CollectAsync(CollectionService service, IReadOnlyList<WatchedAccount> accounts)
    {
        var byPlatform = accounts.GroupBy(static a => a.Platform).ToList();
        return await Task.WhenAll(byPlatform.Select(async group =>
        {
            var watch = Stopwatch.StartNew();
            var report = await service.CollectAsync(group.Key, [.. group], null, CancellationToken.None);
            watch.Stop();
            var problem = report.Results.FirstOrDefault(static r => r.Outcome != CollectionOutcome.Collected);
            return new PlatformRound(
                group.Key,
                report.Results.Count,
                report.Collected,
                report.Failed,
                report.Deferred,
                report.Skipped,
                watch.Elapsed.TotalSeconds,
                problem is null ? null : $"{problem.Account.Display}: {problem.Outcome}: {problem.Error?.Kind}: {problem.Error?.Message}");
        }));
    }

    private static string Arg(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == name)
            {
                return args[i + 1];
            }
        }

        throw new ArgumentException($"missing {name}", nameof(args));
    }
}
