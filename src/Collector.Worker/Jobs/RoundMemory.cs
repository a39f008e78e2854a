namespace Collector.Worker.Jobs;

/// <summary>
/// Hands the memory a round grew back to the operating system once no round is running. Rounds are bursts hours
/// apart; without this the garbage collector keeps its high-water mark committed in between (a 100,000-account round
/// left 64 MB committed for 18 MB of live objects; docs/benchmarks.md, memory).
/// </summary>
internal sealed class RoundMemory(InFlightAccounts inFlight, Action release)
{
    public RoundMemory(InFlightAccounts inFlight)
        : this(inFlight, ReleaseNow)
    {
    }

    /// <summary>A full, compacting collection that also decommits what the heap no longer needs.</summary>
    public static void ReleaseNow() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    /// <summary>Called when a round ends; releases only if it was the last one running.</summary>
    public void RoundEnded()
    {
        if (inFlight.IsIdle)
        {
            release();
        }
    }
}
