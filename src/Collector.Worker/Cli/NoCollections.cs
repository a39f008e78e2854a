using System.Runtime;

namespace Collector.Worker.Cli;

/// <summary>
/// Asks the runtime for no garbage collection while a one-off command allocates a known, short-lived burst. A
/// <c>status</c> of 100,000 accounts holds every record until its rows are written, so each collection in the middle
/// only copied those records from one generation to the next (docs/benchmarks.md, item 10). Past the budget the
/// runtime leaves the region and collects as usual; a budget it cannot grant is no region at all.
/// </summary>
internal sealed class NoCollections : IDisposable
{
    /// <summary>The most a command asks for: what the runtime grants a workstation heap without complaint.</summary>
    public const long MaxBytes = 240L << 20;

    private readonly bool _started;

    private NoCollections(long bytes)
    {
        try
        {
            _started = GCSettings.LatencyMode != GCLatencyMode.NoGCRegion && GC.TryStartNoGCRegion(Math.Min(bytes, MaxBytes));
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // Too large for this heap, or another command of the same process (a test run) holds a region already.
            _started = false;
        }
    }

    /// <summary>A region of <paramref name="bytes"/> (at most <see cref="MaxBytes"/>), ended on dispose.</summary>
    public static NoCollections For(long bytes) => new(bytes);

    public void Dispose()
    {
        // The runtime has left the region by itself when the burst outgrew it (and may do so between the check and
        // the call, which then throws).
        if (_started && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            try
            {
                GC.EndNoGCRegion();
            }
            catch (InvalidOperationException)
            {
                // Already over: nothing to end.
            }
        }
    }
}
