using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace Collector.Benchmarks.Harness;

/// <summary>
/// Starts this harness (<c>serve</c>, <c>round</c>) or the real <c>collector</c> executable as a child process with a
/// clean environment: no <c>COLLECTOR_*</c> variables, credential or cache directory of the caller's leak into a
/// measurement. Each form of <c>collector</c> (build output, published) keeps its startup profiles in a cache directory
/// of its own, as one installation would.
/// </summary>
internal static class ChildProcess
{
    public static ProcessStartInfo Self(string workingDirectory, params string[] args)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var info = New(host, workingDirectory);
        if (IsDotnetMuxer(host))
        {
            info.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    /// <summary>The product's own executable, <c>collector.dll</c> in the Worker's build output (see the project file).</summary>
    public static ProcessStartInfo Collector(string workingDirectory, params string[] args)
    {
        var dll = typeof(ChildProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(static a => a.Key == "CollectorExecutable").Value!;
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("build src/Collector.Worker in the same configuration first", dll);
        }

        var host = Environment.ProcessPath is { } path && IsDotnetMuxer(path) ? path : "dotnet";
        var info = New(host, workingDirectory);
        info.Environment["XDG_CACHE_HOME"] = Path.Combine(workingDirectory, "cache-build-output");
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    /// <summary>
    /// The same command with its standard output going straight to <paramref name="path"/>, as an operator's
    /// <c>collector status --json &gt; status.json</c> does: through <c>sh -c 'exec ... &gt; file'</c>, so the
    /// harness neither reads nor decodes the output while the command is timed.
    /// </summary>
    public static ProcessStartInfo WithStdoutTo(ProcessStartInfo command, string path)
    {
        var info = New("/bin/sh", command.WorkingDirectory);
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("""out="$1"; shift; exec "$@" > "$out" """);
        info.ArgumentList.Add("sh");
        info.ArgumentList.Add(path);
        info.ArgumentList.Add(command.FileName);
        foreach (var arg in command.ArgumentList)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    /// <summary>
    /// Publishes the product as the container image and the systemd install ship it (ReadyToRun, framework-dependent,
    /// for this machine's runtime) into <paramref name="directory"/>, and returns the command that runs it.
    /// </summary>
    public static async Task<Func<string, string[], ProcessStartInfo>> PublishAsync(string directory, CancellationToken cancellationToken)
    {
        var project = typeof(ChildProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(static a => a.Key == "CollectorProject").Value!;
        Directory.CreateDirectory(directory);
        var publish = New("dotnet", directory);
        foreach (var arg in (string[])["publish", project, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier,
                     "--self-contained", "false", "-p:PublishReadyToRun=true", "-p:UseAppHost=false", "-o", directory, "--nologo"])
        {
            publish.ArgumentList.Add(arg);
        }

        var result = await RunAsync(publish, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish exited with {result.ExitCode}: {result.Stdout}{result.StderrTail}");
        }

        var dll = Path.Combine(directory, "collector.dll");
        return (workingDirectory, args) =>
        {
            var info = New("dotnet", workingDirectory);
            info.Environment["XDG_CACHE_HOME"] = Path.Combine(directory, "cache");
            info.ArgumentList.Add(dll);
            foreach (var arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            return info;
        };
    }

    /// <summary>Runs to completion: wall time, exit code, stdout, the tail of stderr and the peak working set.</summary>
    public static async Task<ChildResult> RunAsync(ProcessStartInfo info, CancellationToken cancellationToken)
    {
        using var process = new Process { StartInfo = info };
        var watch = Stopwatch.StartNew();
        process.Start();
        var pid = process.Id.ToString(CultureInfo.InvariantCulture);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);

        // VmHWM only grows, so the last sample before exit is the peak up to a few milliseconds.
        double peak = 0;
        var exited = process.WaitForExitAsync(cancellationToken);
        while (!exited.IsCompleted)
        {
            peak = Math.Max(peak, ProcessMemory.PeakMb(pid) ?? 0);
            await Task.WhenAny(exited, Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, cancellationToken));
        }

        await exited;
        var elapsed = watch.Elapsed;
        var error = await stderr;
        return new ChildResult(process.ExitCode, elapsed, await stdout, Tail(error), peak);
    }

    private static ProcessStartInfo New(string fileName, string workingDirectory)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var name in info.Environment.Keys.Where(static k =>
            k.StartsWith("COLLECTOR_", StringComparison.OrdinalIgnoreCase) || k is "CREDENTIALS_DIRECTORY" or "CACHE_DIRECTORY").ToList())
        {
            info.Environment.Remove(name);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return info;
    }

    private static bool IsDotnetMuxer(string path) =>
        string.Equals(Path.GetFileNameWithoutExtension(path), "dotnet", StringComparison.Ordinal);

    private static string Tail(string text) => text.Length <= 4000 ? text : text[^4000..];
}

/// <summary>What a finished child process left behind.</summary>
internal sealed record ChildResult(int ExitCode, TimeSpan Elapsed, string Stdout, string StderrTail, double PeakMb);
