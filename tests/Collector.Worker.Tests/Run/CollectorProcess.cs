using System.Collections.Concurrent;
using System.Diagnostics;

namespace Collector.Worker.Tests.Run;

/// <summary>
/// The real <c>collector</c> executable as a child process (<c>dotnet collector.dll ...</c>), optionally as another
/// user, with an environment the test spells out: nothing <c>COLLECTOR_</c> leaks in from the test run.
/// </summary>
internal sealed class CollectorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private CollectorProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public IReadOnlyList<string> Output => [.. _output];

    public static CollectorProcess Start(
        IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory, int? asUser = null)
    {
        var start = new ProcessStartInfo
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asUser is { } uid)
        {
            start.FileName = "setpriv";
            foreach (var argument in new[] { $"--reuid={uid}", $"--regid={uid}", "--clear-groups", "--", "dotnet" })
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = "dotnet";
        }

        start.ArgumentList.Add(Repository.CollectorDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        start.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH");
        start.Environment["HOME"] = workingDirectory;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var child = new CollectorProcess(process);
        process.OutputDataReceived += (_, e) => child.Add(e.Data);
        process.ErrorDataReceived += (_, e) => child.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs a short command to its end; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory, int? asUser = null)
    {
        await using var child = Start(arguments, environment, workingDirectory, asUser);
        var exit = await child.WaitForExitAsync(TimeSpan.FromSeconds(30));
        return (exit ?? -1, string.Join('\n', child.Output));
    }

    /// <summary>Sends a signal the way docker stop and systemctl stop do (kill(2), not Process.Kill's SIGKILL).</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", ["-s", signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>The exit code, or null if the process is still running after <paramref name="timeout"/>.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout, TimeProvider.System);
            return _process.ExitCode;
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
