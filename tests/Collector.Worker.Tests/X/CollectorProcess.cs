using System.Diagnostics;

namespace Collector.Worker.Tests.X;

/// <summary>
/// Runs the real <c>collector</c> executable (the Worker's build output, copied next to the tests) as a child process:
/// its whole service graph, settings layering and console logging, with standard output and error captured. The
/// environment is cleaned of <c>COLLECTOR_*</c> and <c>CREDENTIALS_DIRECTORY</c>, so nothing from the developer's
/// shell (a real token) reaches a run, and tests can pass secrets the way operators do. Its cache directory is in the
/// working directory unless a test sets another.
/// </summary>
internal static class CollectorProcess
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public static async Task<CollectorRun> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The test output holds the worker's assemblies as the tests' dependency graph resolved them (some from the
        // ASP.NET shared framework the fakes need), so the worker runs on that graph, not on its own deps file.
        var tests = typeof(CollectorProcess).Assembly.GetName().Name!;
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add("--runtimeconfig");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, tests + ".runtimeconfig.json"));
        start.ArgumentList.Add("--depsfile");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, tests + ".deps.json"));
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "collector.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var key in start.Environment.Keys.Where(static k => k.StartsWith("COLLECTOR_", StringComparison.OrdinalIgnoreCase) || k == "CREDENTIALS_DIRECTORY").ToList())
        {
            start.Environment.Remove(key);
        }

        // The startup profile (StartupProfile) goes to the run's own directory, not the developer's ~/.cache.
        start.Environment.Remove("CACHE_DIRECTORY");
        start.Environment["XDG_CACHE_HOME"] = Path.Combine(workingDirectory, ".cache");

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("collector did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"collector {string.Join(' ', args)} ran over {Limit}; stderr so far: {await error}");
        }

        return new CollectorRun(process.ExitCode, await output, await error);
    }

    /// <summary>The same dotnet host the tests run on, so the child finds the same runtime.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        return Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
    }
}
