using System.Diagnostics;

namespace Collector.Benchmarks.Harness;

/// <summary>Wall-clock and CPU time (this process, all threads) of one measured stretch.</summary>
internal readonly record struct Timing(TimeSpan Wall, TimeSpan Cpu)
{
    public static Clock Start() => new(Stopwatch.StartNew(), Process.GetCurrentProcess().TotalProcessorTime);

    internal readonly record struct Clock(Stopwatch Watch, TimeSpan CpuAtStart)
    {
        public Timing Stop() => new(Watch.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - CpuAtStart);
    }
}
