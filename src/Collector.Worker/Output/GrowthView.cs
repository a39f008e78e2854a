using Collector.Core.Analytics;

namespace Collector.Worker.Output;

/// <summary>Growth as <c>status --json</c> and <c>history --json</c> print it; spans are the ones actually measured.</summary>
internal sealed record GrowthView(
    IReadOnlyList<GrowthWindowView> Windows,
    double? DailyGrowth,
    double? RateSpanDays,
    DateTimeOffset? ProjectedBandEntry)
{
    public static GrowthView From(GrowthSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new GrowthView(
            [.. summary.Windows.Select(static w => new GrowthWindowView(w.Days, w.Change, w.Percent, Days(w.Span), w.From))],
            summary.DailyGrowth,
            Days(summary.RateSpan),
            summary.ProjectedBandEntry);
    }

    private static double? Days(TimeSpan? span) => span is { } s ? Math.Round(s.TotalDays, 2) : null;
}
