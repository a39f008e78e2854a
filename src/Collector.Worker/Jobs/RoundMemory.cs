namespace Collector.Worker.Jobs;

/// <summary>
/// Hands the memory a round grew back to the operating system once no round is running. Rounds are bursts hours
/// apart; without this the garbage collector keeps its high-water mark committed in between (a 100,000-account round
/// left 64 MB committed for 18 MB of live objects; docs/benchmarks.md, memory).
/// </summary>
/// <remarks>
/// The release runs from a timer a moment after the last round ended, never inside the round's own call: there the
/// round's frames (its report, and the frames of whatever completed its last request or write) still hold what the
/// round allocated, and a collection made from them kept 30 MB of heap instead of 18 MB (12 MB of resident memory).
/// </remarks>
internal sealed class RoundMemory : IDisposable
{
    /// <summary>How long after the last round ended the memory is released: ample for its job to have returned.</summary>
    public static readonly TimeSpan SettleDelay = TimeSpan.FromSeconds(2);

    private readonly InFlightAccounts _inFlight;
    private readonly Action _release;
    private readonly ITimer _timer;

    public RoundMemory(InFlightAccounts inFlight, TimeProvider time)
        : this(inFlight, time, ReleaseNow)
    {
    }

    internal RoundMemory(InFlightAccounts inFlight, TimeProvider time, Action release)
    {
        ArgumentNullException.ThrowIfNull(inFlight);
        ArgumentNullException.ThrowIfNull(time);
        _inFlight = inFlight;
        _release = release;
        _timer = time.CreateTimer(static state => ((RoundMemory)state!).Settled(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// A full, compacting collection that also decommits what the heap no longer needs, then the C library's free
    /// pages (<see cref="NativeHeap.Trim"/>). Call it from a stack the round has left, as the timer does.
    /// </summary>
    public static void ReleaseNow()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        NativeHeap.Trim();
    }

    /// <summary>Called when a round ends; if it was the last one running, the memory is released after <see cref="SettleDelay"/>.</summary>
    public void RoundEnded()
    {
        if (_inFlight.IsIdle)
        {
            _timer.Change(SettleDelay, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose() => _timer.Dispose();

    // A round that started meanwhile releases when it ends instead.
    private void Settled()
    {
        if (_inFlight.IsIdle)
        {
            _release();
        }
    }
}
