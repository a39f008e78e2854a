using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using Collector.Core.Analytics;
using Collector.Core.Bands;
using Collector.Core.Metrics;
using Collector.Core.Storage;

namespace Collector.Benchmarks.Micro;

/// <summary>
/// The pure functions behind band flags and the growth columns, over one account's 46-day history at a 6-hour
/// schedule (184 snapshots) whose followers cross the default band's lower edge and back.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Performance", "CA1515", Justification = "BenchmarkDotNet only runs public benchmark types.")]
[SuppressMessage("Performance", "CA1822", Justification = "BenchmarkDotNet benchmarks are instance methods.")]
public class BandBenchmarks
{
    private const int Snapshots = 184;
    private readonly BandSettings _band = BandSettings.Default;
    private IReadOnlyList<SnapshotRecord> _history = [];

    [GlobalSetup]
    public void Setup()
    {
        var start = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
        _history = [.. Enumerable.Range(0, Snapshots).Select(i => new SnapshotRecord(
            AccountId: 1,
            CollectedAt: start.AddHours(6 * i),
            Followers: 9_000 + (i % 60 * 50),
            Following: 300,
            Posts: 1_000 + i,
            PostsSampled: 12,
            AvgLikes: 80,
            AvgReplies: 5,
            AvgReposts: 7,
            AvgQuotes: 1,
            AvgViews: null,
            EngagementRate: 0.01,
            Quality: DataQuality.None))];
    }

    [Benchmark]
    public int EvaluateBandCrossings() => BandEvaluator.Evaluate(_history, _band).Crossings.Count;

    [Benchmark]
    public long? SummarizeGrowth() => GrowthCalculator.Summarize(_history, _band).Followers;

    [Benchmark]
    public int ClassifyTiers()
    {
        var inBand = 0;
        foreach (var snapshot in _history)
        {
            inBand += TierClassifier.Classify(snapshot.Followers, snapshot.EngagementRate, _band) == Tier.Band ? 1 : 0;
        }

        return inBand;
    }
}
