using System.Diagnostics;
using System.Globalization;
using Collector.Benchmarks.Fake;

namespace Collector.Benchmarks.Harness;

/// <summary>
/// The fake platforms in a child process (<c>serve</c>): separate from every measured process, so their CPU and memory
/// never count as the collector's (they do share the machine's cores, which docs/benchmarks.md notes). Disposing
/// closes the child's standard input, which stops it; a child that does not stop within 10 s is killed.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _control;

    private ServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        _control = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    /// <summary>CPU time the fake server has used so far: what it took from the cores the collector runs on.</summary>
    public double CpuSeconds
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime.TotalSeconds;
        }
    }

    public static async Task<ServerProcess> StartAsync(string workingDirectory, CancellationToken cancellationToken)
    {
        var process = new Process { StartInfo = ChildProcess.Self(workingDirectory, "serve") };
        process.Start();
        try
        {
            _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith(FakeServer.ListeningPrefix, StringComparison.Ordinal))
                {
                    return new ServerProcess(process, new Uri(line[FakeServer.ListeningPrefix.Length..]));
                }
            }

            throw new InvalidOperationException("the fake server exited before it listened");
        }
        catch
        {
            Stop(process);
            process.Dispose();
            throw;
        }
    }

    public async Task ResetCountsAsync(CancellationToken cancellationToken) =>
        (await _control.PostAsync(new Uri("_bench/reset", UriKind.Relative), null, cancellationToken)).EnsureSuccessStatusCode();

    public async Task SetLatencyAsync(TimeSpan latency, CancellationToken cancellationToken)
    {
        var uri = new Uri(string.Create(CultureInfo.InvariantCulture, $"_bench/latency?ms={(int)latency.TotalMilliseconds}"), UriKind.Relative);
        (await _control.PostAsync(uri, null, cancellationToken)).EnsureSuccessStatusCode();
    }

    public async Task<RequestCounts> CountsAsync(CancellationToken cancellationToken)
    {
        var json = await _control.GetStringAsync(new Uri("_bench/counts", UriKind.Relative), cancellationToken);
        return new RequestCounts(FakeServer.ParseCounts(json));
    }

    public async ValueTask DisposeAsync()
    {
        _control.Dispose();
        try
        {
            _process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            Stop(_process);
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
    }
}
