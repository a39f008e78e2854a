using System.Globalization;
using Collector.Core.Analytics;

namespace Collector.Worker.Output;

/// <summary>Growth for people: a change with its real span when it differs from the nominal window.</summary>
internal static class GrowthText
{
    public static string Window(GrowthWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (window is not { Change: { } change, Span: { } span })
        {
            return "-";
        }

        var text = change.ToString("+#,0;-#,0;0", CultureInfo.InvariantCulture);
        if (window.Percent is { } percent)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" ({percent:+0.0;-0.0;0.0}%)");
        }

        // Honest about gaps: say so when the nearest snapshot was not at the nominal distance.
        var nominal = TimeSpan.FromDays(window.Days);
        if ((span - nominal).Duration() > nominal / 10)
        {
            text += $" over {Span(span)}";
        }

        return text;
    }

    public static string Span(TimeSpan span) =>
        span.TotalDays >= 1
            ? span.TotalDays.ToString("0.#", CultureInfo.InvariantCulture) + " d"
            : span.TotalHours.ToString("0.#", CultureInfo.InvariantCulture) + " h";

    public static string Rate(GrowthSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary is { DailyGrowth: { } rate, RateSpan: { } span }
            ? string.Create(CultureInfo.InvariantCulture, $"{rate:+#,0.#;-#,0.#;0}/day over {Span(span)}")
            : "-";
    }

    public static string Projection(GrowthSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary.ProjectedBandEntry?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";
    }
}
