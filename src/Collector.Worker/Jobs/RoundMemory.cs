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
/// It runs once more when the process has gone quiet: by then the thread pool has retired the threads the round
/// started and the HTTP connections are closed, and what they held is freed too (about 3 MB after a 100,000-account
/// round).
/// </remarks>
internal sealed class RoundMemory : IDisposable
{
    /// <summary>How long after the last round ended the memory is released: ample for its job to have returned.</summary>
    public static readonly TimeSpan SettleDelay = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long after the first release it is repeated: the thread pool retires its idle threads over the following
    /// tens of seconds (after a 100,000-account round, 16 threads were left at 30 s and 13 at 50 s) and the HTTP
    /// connections close after 20 s idle. Released at 50 s the process went from 101 MB to 98 MB.
    /// </summary>
    public static readonly TimeSpan QuietDelay = TimeSpan.FromSeconds(60);

    private readonly InFlightAccounts _inFlight;
    private readonly Action _release;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();

    /// <summary>Releases still due since the last round ended: the settled one, then the quiet one.</summary>
    private int _due;

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

    /// <summary>
    /// Called when a round ends; if it was the last one running, the memory is released after <see cref="SettleDelay"/>
    /// and again <see cref="QuietDelay"/> later.
    /// </summary>
    public void RoundEnded()
    {
        lock (_gate)
        {
            if (_inFlight.IsIdle)
            {
                _due = 2;
                _timer.Change(SettleDelay, Timeout.InfiniteTimeSpan);
            }
        }
    }

    public void Dispose() => _timer.Dispose();

    // A round that started meanwhile releases when it ends instead.
    private void Settled()
    {
        lock (_gate)
        {
            if (!_inFlight.IsIdle || _due == 0)
            {
                _due = 0;
                return;
            }

            _release();
            if (--_due > 0)
            {
                _timer.Change(QuietDelay, Timeout.InfiniteTimeSpan);
            }
        }
    }
}
