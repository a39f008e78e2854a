using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Collector.Core.Analytics;

namespace Collector.Storage.Analytics;

/// <summary>
/// account_growth.points: "collected_at:followers" pairs separated by ';', oldest first (0006_growth_points.sql).
/// </summary>
internal static class GrowthPointsText
{
    private static readonly long MinStored = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long MaxStored = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>The points in the stored form (instants as stored, in milliseconds).</summary>
    public static string Format(IReadOnlyList<GrowthPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var text = new StringBuilder(points.Count * 24);
        for (var i = 0; i < points.Count; i++)
        {
            if (i > 0)
            {
                text.Append(';');
            }

            text.Append(CultureInfo.InvariantCulture, $"{SqliteInstant.ToStored(points[i].At)}:{points[i].Followers}");
        }

        return text.ToString();
    }

    /// <summary>The points, or null when the text is not in this form (the caller computes them afresh).</summary>
    // Once per account of a status: optimized from the first call, not run unoptimized by a fresh process.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static IReadOnlyList<GrowthPoint>? Parse(string text)
    {
        // Sized exactly: a status parses one list per account and holds them all until its rows are written.
        var points = new GrowthPoint[text.AsSpan().Count(';') + 1];
        var index = 0;
        foreach (var range in text.AsSpan().Split(';'))
        {
            var pair = text.AsSpan()[range];
            var colon = pair.IndexOf(':');
            if (colon <= 0
                || !long.TryParse(pair[..colon], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var at)
                || !long.TryParse(pair[(colon + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var followers)
                || at < MinStored || at > MaxStored)
            {
                return null;
            }

            points[index++] = new GrowthPoint(SqliteInstant.FromStored(at), followers);
        }

        return points;
    }
}
