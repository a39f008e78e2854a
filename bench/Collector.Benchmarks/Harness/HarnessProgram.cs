using Collector.Benchmarks.Scenarios;
using Collector.Core.Platforms;
using Collector.Worker.Hosting;
using Collector.Worker.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace Collector.Benchmarks.Harness;

/// <summary>The harness: starts the fake server, runs the scenarios, prints the table. Exit 1 when a check failed.</summary>
internal static class HarnessProgram
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var machine = MachineInfo.Describe();
        Progress.Write($"machine: {machine}");
        using var workspace = new Workspace(options.Keep);

        // In-process commands read config/appsettings.json from the current directory: the workspace has none.
        Directory.SetCurrentDirectory(workspace.Root);
        var report = new Report();
        await using (var server = await ServerProcess.StartAsync(workspace.Root, cancel.Token))
        {
            var platforms = RegisteredPlatforms(workspace, server);
            Progress.Write($"fake server at {server.BaseAddress}; platforms with a client in this build: {string.Join(", ", platforms)}");
            var context = new BenchContext(options, workspace, server, platforms, report);
            await RunScenariosAsync(context, cancel.Token);
        }

        if (options.Micro)
        {
            Micro.MicroBenchmarks.Run();
        }

        await Console.Out.WriteLineAsync($"machine: {machine}; load average at the end {MachineInfo.LoadAverage()}");
        await Console.Out.WriteLineAsync(options.Quick ? "mode: --quick (small counts, correctness only; timing targets not judged)" : "mode: full");
        await Console.Out.WriteLineAsync();
        await Console.Out.WriteLineAsync(report.ToMarkdown(timingTargets: !options.Quick));
        if (options.Keep)
        {
            await Console.Out.WriteLineAsync($"workspace kept: {workspace.Root}");
        }

        if (report.Failures.Count > 0)
        {
            await Console.Out.WriteLineAsync($"benchmark checks: {report.Failures.Count} failed");
            foreach (var failure in report.Failures)
            {
                await Console.Out.WriteLineAsync("  " + failure);
            }

            return 1;
        }

        await Console.Out.WriteLineAsync("benchmark checks: all passed");
        return 0;
    }

    private static async Task RunScenariosAsync(BenchContext context, CancellationToken token)
    {
        var options = context.Options;
        if (options.Includes("efficiency"))
        {
            await EfficiencyScenario.RunAsync(context, token);
        }

        if (options.Includes("throughput"))
        {
            await ThroughputScenario.RunAsync(context, token);
        }

        if (options.Includes("latency"))
        {
            await LatencyScenario.RunAsync(context, token);
        }

        if (options.Includes("storage"))
        {
            await StorageScenario.RunAsync(context, token);
        }

        if (options.Includes("status"))
        {
            await StatusScenario.RunAsync(context, token);
        }
    }

    /// <summary>The platforms this build of the product has a client for, read from its own service graph.</summary>
    private static List<string> RegisteredPlatforms(Workspace workspace, ServerProcess server)
    {
        var settings = workspace.WriteSettings(server.BaseAddress, maxConcurrency: 4);
        var cli = new CommandLineSettings(settings, workspace.NewPath("probe.db"), WatchlistPath: null, Verbose: false);
        using var host = CollectorHost.CreateBuilder(cli, longRunning: false).Build();
        var registered = host.Services.GetServices<IPlatformClient>().Select(static c => c.Platform).ToHashSet(StringComparer.Ordinal);
        return [.. PlatformKeys.All.Where(registered.Contains)];
    }
}
