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
        var windows = new GrowthWindowView[summary.Windows.Count];
        for (var i = 0; i < windows.Length; i++)
        {
            var w = summary.Windows[i];
            windows[i] = new GrowthWindowView(w.Days, w.Change, w.Percent, Days(w.Span), w.From);
        }

        return new GrowthView(
            windows,
            summary.DailyGrowth,
            Days(summary.RateSpan),
            summary.ProjectedBandEntry);
    }

    private static double? Days(TimeSpan? span) => span is { } s ? Math.Round(s.TotalDays, 2) : null;
}
