namespace Collector.Core.Analytics;

/// <summary>Growth of one account as of its latest measured snapshot.</summary>
/// <param name="AsOf">The latest snapshot with a known follower count; null when there is none.</param>
/// <param name="DailyGrowth">Average followers gained per day over <see cref="RateSpan"/> (the recent rate).</param>
/// <param name="ProjectedBandEntry">
/// When an account below the band reaches its <c>min_followers</c> at that rate; null when it is not below the band,
/// not growing, or would take more than <see cref="GrowthCalculator.ProjectionHorizon"/>.
/// </param>
public sealed record GrowthSummary(
    DateTimeOffset? AsOf,
    long? Followers,
    IReadOnlyList<GrowthWindow> Windows,
    double? DailyGrowth,
    TimeSpan? RateSpan,
    DateTimeOffset? ProjectedBandEntry)
{
    public static GrowthSummary Empty { get; } = new(
        null, null, [.. GrowthCalculator.WindowDays.Select(GrowthWindow.None)], null, null, null);

    public GrowthWindow Window(int days) => Windows.FirstOrDefault(w => w.Days == days) ?? GrowthWindow.None(days);
}
