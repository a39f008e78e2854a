using System.Collections.Concurrent;
using Quartz;

namespace Collector.Worker.Tests.Jobs;

/// <summary>Records when collection jobs start and end, to see rounds overlap (or not) and to wait for them.</summary>
internal sealed class RoundProbe : IJobListener
{
    private readonly ConcurrentQueue<string> _events = new();
    private int _running;
    private int _maxRunning;

    public string Name => nameof(RoundProbe);

    /// <summary>"start" and "end" in the order they happened.</summary>
    public IReadOnlyList<string> Events => [.. _events];

    public int Completed => _events.Count(static e => e == "end");

    public int MaxConcurrent => Volatile.Read(ref _maxRunning);

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var running = Interlocked.Increment(ref _running);
        int max;
        while (running > (max = Volatile.Read(ref _maxRunning)) && Interlocked.CompareExchange(ref _maxRunning, running, max) != max)
        {
        }

        _events.Enqueue("start");
        return default;
    }

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        Interlocked.Decrement(ref _running);
        _events.Enqueue("end");
        return default;
    }
}
