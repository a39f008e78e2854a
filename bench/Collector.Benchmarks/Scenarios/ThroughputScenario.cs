using Collector.Benchmarks.Harness;

namespace Collector.Benchmarks.Scenarios;

/// <summary>
/// Throughput and memory: profile-only rounds over the throughput watchlist (100,000 accounts, platforms mixed evenly)
/// at zero added latency, each on a fresh copy of the resolved template database, timed inside the child (the round:
/// requests, parsing and every database write) and from outside (the whole process). The same child reports its
/// working set. One more round through the real <c>collector collect</c> executable cross-checks the figures.
/// </summary>
internal static class ThroughputScenario
{
    private const double RoundTargetSeconds = 10;
    private const double PeakTargetMb = 200;
    private const double IdleTargetMb = 100;

    public static async Task RunAsync(BenchContext context, CancellationToken token)
    {
        var (template, watchlist) = await context.ThroughputTemplateAsync(token);
        var workspace = context.Workspace;
        var report = context.Report;
        var settings = workspace.WriteSettings(context.Server.BaseAddress, context.Options.Concurrency);
        var accounts = context.Options.ThroughputAccounts / context.Platforms.Count * context.Platforms.Count;

        var rounds = new List<Round.RoundResult>();
        var processes = new List<ChildResult>();
        var serverCpu = new List<double>();
        for (var run = 1; run <= context.Options.Runs; run++)
        {
            Progress.Write($"throughput: profile-only round {run}/{context.Options.Runs}, {accounts:N0} accounts");
            var copy = workspace.CopyDatabase(template);
            var (round, process, server) = await context.RoundAsync(settings, copy, watchlist, token, quiet: true);
            rounds.Add(round);
            processes.Add(process);
            serverCpu.Add(server);
            File.Delete(copy);
        }

        var roundSeconds = Stats.Median(rounds.Select(static r => r.RoundSeconds));
        report.Add("throughput", $"profile-only round, {Report.Int(accounts)} accounts, 0 ms latency (median of {rounds.Count})",
            $"{Report.Num(roundSeconds)} s", target: $"≤ {RoundTargetSeconds} s", met: roundSeconds <= RoundTargetSeconds);
        // The child's own time after the round (its memory release and the wait for quiet) is not the round's.
        report.Add("throughput", "  same, whole process (startup, watchlist, migration, round)",
            $"{Report.Num(Stats.Median(processes.Zip(rounds, static (p, r) => p.Elapsed.TotalSeconds - r.ReleaseSeconds)))} s",
            target: $"startup {Report.Num(Stats.Median(rounds.Select(static r => r.StartupSeconds)))} s");
        report.Add("throughput", "  accounts per second (round)", Report.Int((long)(accounts / roundSeconds)));
        report.Add("throughput", "  CPU time of the round (collector process, all threads)",
            $"{Report.Num(Stats.Median(rounds.Select(static r => r.RoundCpuSeconds)))} s",
            $"fake server {Report.Num(Stats.Median(serverCpu))} s");
        foreach (var platform in context.Platforms)
        {
            var seconds = Stats.Median(rounds.Select(r => r.Platforms.Single(p => p.Platform == platform).Seconds));
            report.Add("throughput", $"  {platform} part of the round", $"{Report.Num(seconds)} s");
        }

        var peak = Stats.Median(rounds.Select(static r => r.PeakMb));
        var idle = Stats.Median(rounds.Select(static r => r.IdleMb));
        report.Add("memory", $"peak working set during the {Report.Int(accounts)}-account round (VmHWM)", $"{Report.Num(peak, 0)} MB",
            target: $"< {PeakTargetMb} MB", met: peak < PeakTargetMb);
        report.Add("memory", "idle: started, watchlist loaded, database migrated, before the round", $"{Report.Num(idle, 0)} MB",
            target: $"< {IdleTargetMb} MB", met: idle < IdleTargetMb);
        report.Add("memory", "  right after the round (nothing forced)", $"{Report.Num(Stats.Median(rounds.Select(static r => r.AfterMb)), 0)} MB");
        report.Add("memory", "  managed heap: at idle / live after the round and a full GC",
            $"{Report.Num(Stats.Median(rounds.Select(static r => r.HeapIdleMb)), 0)} MB / {Report.Num(Stats.Median(rounds.Select(static r => r.HeapAfterGcMb)), 0)} MB",
            $"GC committed {Report.Num(Stats.Median(rounds.Select(static r => r.GcCommittedIdleMb)), 0)} MB / {Report.Num(Stats.Median(rounds.Select(static r => r.GcCommittedAfterGcMb)), 0)} MB");
        report.Add("memory", "  after the round, released as the worker does between rounds (RoundMemory: settled, then quiet)", $"{Report.Num(Stats.Median(rounds.Select(static r => r.AfterGcMb)), 0)} MB",
            target: $"< {IdleTargetMb} MB", met: Stats.Median(rounds.Select(static r => r.AfterGcMb)) < IdleTargetMb);

        await CrossCheckWithCliAsync(context, template, watchlist, settings, accounts, token);
    }

    /// <summary>The same round through the shipped executable, as an operator runs it: <c>collector collect</c>.</summary>
    private static async Task CrossCheckWithCliAsync(
        BenchContext context, string template, string watchlist, string settings, int accounts, CancellationToken token)
    {
        Progress.Write("throughput: the same round through `collector collect`");
        var copy = context.Workspace.CopyDatabase(template);
        var cli = await ChildProcess.RunAsync(
            ChildProcess.Collector(context.Workspace.Root, "collect", "--settings", settings, "--db", copy, "--watchlist", watchlist), token);
        context.Report.Check(cli.ExitCode == 0, $"collector collect exited with {cli.ExitCode}: {cli.StderrTail}");
        context.Report.Add("throughput", $"`collector collect`, {Report.Int(accounts)} accounts, whole process (1 run)",
            $"{Report.Num(cli.Elapsed.TotalSeconds)} s", target: $"peak {Report.Num(cli.PeakMb, 0)} MB");
        File.Delete(copy);
    }
}
