using Collector.Core.Analytics;
using Collector.Core.Bands;
using Collector.Core.Storage;

namespace Collector.Core.Tests.Analytics;

public sealed class GrowthCalculatorTests
{
    private static readonly BandSettings Band = BandSettings.Default;

    [Fact]
    public void Summarize_DailySnapshots_MeasuresEachWindowOverItsNominalSpan()
    {
        var series = Snapshots.Daily([.. Enumerable.Range(0, 31).Select(static d => (long?)(5_000 + (d * 100)))]);

        var growth = GrowthCalculator.Summarize(series, Band);

        Assert.Equal((100L, TimeSpan.FromDays(1)), (growth.Window(1).Change!.Value, growth.Window(1).Span!.Value));
        Assert.Equal((700L, TimeSpan.FromDays(7)), (growth.Window(7).Change!.Value, growth.Window(7).Span!.Value));
        Assert.Equal((3_000L, TimeSpan.FromDays(30)), (growth.Window(30).Change!.Value, growth.Window(30).Span!.Value));
        Assert.Equal(60.0, growth.Window(30).Percent!.Value, 6);
        Assert.Equal(100.0, growth.DailyGrowth!.Value, 6);
    }

    [Fact]
    public void Summarize_WithAGap_UsesTheNearestSnapshotAndSaysWhichSpan()
    {
        // Daily until day 3, then nothing until day 12: the 7-day window must use day 3 (9 days back), not invent day 5.
        SnapshotRecord[] series =
        [
            .. Snapshots.Daily(1_000, 1_010, 1_020, 1_030),
            Snapshots.At(Snapshots.Start.AddDays(11), 1_200),
            Snapshots.At(Snapshots.Start.AddDays(12), 1_220),
        ];

        var growth = GrowthCalculator.Summarize(series, Band);

        Assert.Equal((20L, TimeSpan.FromDays(1)), (growth.Window(1).Change!.Value, growth.Window(1).Span!.Value));
        Assert.Equal((190L, TimeSpan.FromDays(9)), (growth.Window(7).Change!.Value, growth.Window(7).Span!.Value));
        Assert.Equal(Snapshots.Start.AddDays(3), growth.Window(7).From);
    }

    [Fact]
    public void Summarize_WhenNothingIsNearTheWindowStart_ReportsNoneInsteadOfAShorterSpan()
    {
        // Two snapshots 4 days apart: too far for 1 day (±12 h), too near for 30 days (±15 d), fine for 7 (±3.5 d).
        var series = Snapshots.Every(TimeSpan.FromDays(4), 2_000, 2_300);

        var growth = GrowthCalculator.Summarize(series, Band);

        Assert.False(growth.Window(1).HasData);
        Assert.Equal(300, growth.Window(7).Change);
        Assert.Equal(TimeSpan.FromDays(4), growth.Window(7).Span);
        Assert.False(growth.Window(30).HasData);
    }

    [Fact]
    public void Summarize_SkipsHiddenCountsAndHandlesNoData()
    {
        Assert.Equal(GrowthSummary.Empty, GrowthCalculator.Summarize(Snapshots.Daily(null, null), Band));

        var growth = GrowthCalculator.Summarize(Snapshots.Daily(1_000, 1_100, null), Band);

        Assert.Equal(Snapshots.Start.AddDays(1), growth.AsOf);
        Assert.Equal(100, growth.Window(1).Change);
    }

    [Fact]
    public void Summarize_BelowTheBandAndGrowing_ProjectsWhenMinFollowersIsReached()
    {
        var series = Snapshots.Daily([.. Enumerable.Range(0, 11).Select(static d => (long?)(8_000 + (d * 100)))]);

        var growth = GrowthCalculator.Summarize(series, Band);

        // 9,000 at day 10, +100/day: 10,000 after 10 more days.
        Assert.Equal(Snapshots.Start.AddDays(20), growth.ProjectedBandEntry);
    }

    [Theory]
    [InlineData(new long[] { 9_000, 9_000, 9_000 })]
    [InlineData(new long[] { 9_500, 9_400, 9_300 })]
    [InlineData(new long[] { 20_000, 20_100, 20_200 })]
    public void Summarize_NotGrowingOrAlreadyInTheBand_ProjectsNothing(long[] followers)
    {
        var growth = GrowthCalculator.Summarize(Snapshots.Daily([.. followers.Select(static f => (long?)f)]), Band);

        Assert.NotNull(growth.DailyGrowth);
        Assert.Null(growth.ProjectedBandEntry);
    }

    [Fact]
    public void Summarize_GrowingTooSlowlyForTheHorizon_ProjectsNothing()
    {
        var growth = GrowthCalculator.Summarize(Snapshots.Daily(100, 101), Band);

        Assert.Equal(1, growth.DailyGrowth);
        Assert.Null(growth.ProjectedBandEntry);
    }

    [Fact]
    public void Summarize_SnapshotsHoursApart_GiveNoRate()
    {
        var growth = GrowthCalculator.Summarize(Snapshots.Series(9_000, 9_500), Band);

        Assert.Null(growth.DailyGrowth);
        Assert.Null(growth.ProjectedBandEntry);
    }
}
