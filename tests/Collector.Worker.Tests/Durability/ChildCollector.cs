using System.Diagnostics;
using System.Text;

namespace Collector.Worker.Tests.Durability;

/// <summary>
/// The real <c>collector</c> executable in a child process (<c>dotnet collector.dll …</c>), so it can be killed with
/// SIGKILL mid-write the way the OOM killer or a power cut of the container would.
/// </summary>
internal sealed class ChildCollector : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ChildCollector(Process process)
    {
        _process = process;
    }

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// collector.dll in the Worker project's own output (bin/CONFIGURATION/TFM, as this test assembly's), not the copy
    /// next to the tests: only there do its deps.json and its package assemblies match (the test output resolves
    /// some of them from the ASP.NET Core shared framework the fakes need, which collector does not load).
    /// </summary>
    public static string AssemblyPath
    {
        get
        {
            var tests = new DirectoryInfo(AppContext.BaseDirectory);
            var project = tests;
            while (project is not null && project.Name != "Collector.Worker.Tests")
            {
                project = project.Parent;
            }

            Assert.True(project?.Parent?.Parent is not null, $"{AppContext.BaseDirectory} is not inside tests/Collector.Worker.Tests");
            var output = Path.GetRelativePath(project!.FullName, tests.FullName);
            var path = Path.Combine(project.Parent!.Parent!.FullName, "src", "Collector.Worker", output, "collector.dll");
            Assert.True(File.Exists(path), $"collector.dll not found at {path}: build the solution first");
            return path;
        }
    }

    public static ChildCollector Start(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AssemblyPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Only the files given on the command line configure the child, whatever this machine's environment says.
        foreach (var name in start.Environment.Keys.Where(static k => k.StartsWith("COLLECTOR_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        var process = new Process { StartInfo = start };
        var child = new ChildCollector(process);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>SIGKILL: no shutdown hook, no finally block, no flush runs in the child.</summary>
    public async Task KillAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It finished on its own just before.
        }

        await _process.WaitForExitAsync();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            Assert.Fail($"collector did not finish within {timeout}; output:\n{Output}");
        }

        return _process.ExitCode;
    }

    public void Dispose() => _process.Dispose();

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
