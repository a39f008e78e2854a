using Collector.Core.Analytics;
using Collector.Core.Storage;

namespace Collector.Core.Tests.Analytics;

public sealed class SpikeDetectorTests
{
    private static readonly SpikeSettings Settings = new();

    /// <summary>Daily counts gaining about 50 a day with a little noise.</summary>
    private static List<long?> Steady(int days) =>
        [.. Enumerable.Range(0, days).Select(static d => (long?)(20_000 + (d * 50) + (d % 3 * 7)))];

    [Fact]
    public void Detect_AJumpFarAboveTheUsualGain_IsASpike()
    {
        var followers = Steady(15);
        followers.Add(followers[^1] + 2_000);
        var series = Snapshots.Daily([.. followers]);

        var spike = Assert.Single(SpikeDetector.Detect(series, [Day(15)], Settings));

        Assert.Equal((Day(15), 2_000L), (spike.Day, spike.Change));
        Assert.InRange(spike.Expected, 45, 55);
        Assert.InRange(spike.Threshold, spike.Expected, 200);
        Assert.Equal(series[^1].CollectedAt, spike.At);
    }

    [Fact]
    public void Detect_OrdinaryGrowth_IsNoSpike()
    {
        var series = Snapshots.Daily([.. Steady(20)]);

        Assert.Empty(SpikeDetector.Detect(series, Enumerable.Range(0, 20).Select(Day), Settings));
    }

    [Fact]
    public void Detect_WithoutEnoughHistory_GivesNoVerdict()
    {
        var followers = Steady(6);
        followers.Add(followers[^1] + 5_000);

        Assert.Empty(SpikeDetector.Detect(Snapshots.Daily([.. followers]), [Day(6)], Settings));
    }

    [Fact]
    public void Detect_AcrossAGap_DoesNotCountTheAccumulatedGainAsOneDay()
    {
        var followers = Steady(10);
        var series = Snapshots.Daily([.. followers]).ToList();
        series.Add(Snapshots.At(Snapshots.Start.AddDays(14), followers[^1] + 400));

        Assert.Empty(SpikeDetector.Detect(series, [Day(14)], Settings));
    }

    [Fact]
    public void Detect_UsesTheLastSnapshotOfEachDay_AndAPerfectlySteadyAccountNeedsMoreThanAWobble()
    {
        var followers = Enumerable.Range(0, 10).Select(static d => (long?)(10_000 + (d * 20))).ToList();
        List<SnapshotRecord> series = [.. Snapshots.Daily([.. followers])];
        series.Add(Snapshots.At(Snapshots.Start.AddDays(10), followers[^1] + 45));
        series.Add(Snapshots.At(Snapshots.Start.AddDays(10).AddHours(6), followers[^1] + 25));

        // σ is 0; the floor (0.1 % of 10,180) keeps +25 from counting, though +45 earlier that day would not either.
        Assert.Empty(SpikeDetector.Detect(series, [Day(10)], Settings));

        series.Add(Snapshots.At(Snapshots.Start.AddDays(10).AddHours(12), followers[^1] + 60));
        Assert.Single(SpikeDetector.Detect(series, [Day(10)], Settings));
    }

    private static DateOnly Day(int offset) => DateOnly.FromDateTime(Snapshots.Start.UtcDateTime).AddDays(offset);
}
