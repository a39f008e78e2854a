namespace Collector.Benchmarks.Micro;

internal static class MicroBenchmarks
{
    public static void Run()
    {
    }
}
