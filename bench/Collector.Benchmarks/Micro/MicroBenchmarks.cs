using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Collector.Benchmarks.Micro;

/// <summary>
/// <c>--micro</c>: BenchmarkDotNet micro-benchmarks of the hot pure code (parsing, band evaluation, growth). They run
/// in this process (no generated project to build) with short jobs: on a shared machine their means are indications;
/// the allocation figures are exact.
/// </summary>
internal static class MicroBenchmarks
{
    public static void Run()
    {
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .WithOptions(ConfigOptions.DisableLogFile);
        BenchmarkRunner.Run([typeof(ParsingBenchmarks), typeof(BandBenchmarks)], config);
    }
}
