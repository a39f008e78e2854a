using Collector.Core.Analytics;
using Collector.Core.Bands;

namespace Collector.Core.Tests.Analytics;

/// <summary>The few points kept per account must summarize exactly as the whole history does.</summary>
public sealed class GrowthCandidatesTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly BandSettings Band = new(10_000, 100_000, 0.01, 2);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Summary_OfTheCandidates_EqualsTheSummaryOfTheWholeSeries(int seed)
    {
        var series = RandomSeries(new Random(seed));

        var candidates = GrowthCalculator.Candidates(series);
        var whole = GrowthCalculator.Summarize(series, Band);
        var kept = GrowthCalculator.Summarize(candidates, Band);

        Assert.True(candidates.Count <= 2 + (2 * GrowthCalculator.WindowDays.Count), $"{candidates.Count} candidates");
        Assert.Equal(whole.Windows, kept.Windows);
        Assert.Equal(whole with { Windows = [] }, kept with { Windows = [] });
    }

    [Fact]
    public void Candidates_OfEqualInstants_KeepTheFirstBeforeTheWindowStart()
    {
        var latest = Start.AddDays(10);
        var start = latest.AddDays(-7);
        GrowthPoint[] series = [new(start, 100), new(start, 900), new(latest, 1_000)];

        var candidates = GrowthCalculator.Candidates(series);

        Assert.Equal([new GrowthPoint(start, 100), new GrowthPoint(latest, 1_000)], candidates);
        Assert.Equal(900, GrowthCalculator.Summarize(candidates, Band).Window(7).Change);
    }

    [Fact]
    public void Candidates_OfNothing_AreNothing() => Assert.Empty(GrowthCalculator.Candidates([]));

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 1; seed <= 40; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    /// <summary>Up to 90 days: gaps of days, bursts within hours, repeated instants, drops and jumps.</summary>
    private static List<GrowthPoint> RandomSeries(Random random)
    {
        var series = new List<GrowthPoint>();
        var at = Start;
        var followers = (long)random.Next(0, 20_000);
        for (var n = random.Next(0, 200); n > 0; n--)
        {
            at += random.Next(6) switch
            {
                0 => TimeSpan.Zero,
                1 => TimeSpan.FromDays(random.Next(1, 10)),
                _ => TimeSpan.FromMinutes(random.Next(1, 24 * 60)),
            };
            followers = Math.Max(0, followers + random.Next(-50, 200));
            series.Add(new GrowthPoint(at, followers));
        }

        return series;
    }
}
