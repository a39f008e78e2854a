using System.Runtime.CompilerServices;
using Collector.Core.Bands;
using Collector.Core.Storage;

namespace Collector.Core.Analytics;

/// <summary>
/// Follower growth from an account's snapshots, honest about gaps: a window is measured from the snapshot nearest to
/// its nominal start, only when one lies within half the window of it, and reports the span it actually covers.
/// </summary>
public static class GrowthCalculator
{
    public static IReadOnlyList<int> WindowDays { get; } = [1, 7, 30];

    /// <summary>The look-back of the recent growth rate used for the projection.</summary>
    public static TimeSpan RateWindow { get; } = TimeSpan.FromDays(30);

    /// <summary>A rate measured over less than this is noise (two snapshots an hour apart), not a trend.</summary>
    public static TimeSpan MinRateSpan { get; } = TimeSpan.FromDays(1);

    /// <summary>Beyond this a projection says nothing useful, so none is given.</summary>
    public static TimeSpan ProjectionHorizon { get; } = TimeSpan.FromDays(3650);

    /// <param name="snapshots">The account's snapshots, oldest first; at least the last 45 days for every window.</param>
    public static GrowthSummary Summarize(IReadOnlyList<SnapshotRecord> snapshots, BandSettings band)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        return Summarize([.. snapshots.Where(static s => s.Followers is not null).Select(static s => new GrowthPoint(s.CollectedAt, s.Followers!.Value))], band);
    }

    /// <param name="measured">
    /// The account's measured points, oldest first: all of them, or at least those <see cref="Candidates"/> picks,
    /// which give the same summary.
    /// </param>
    // Once per account of a status: optimized from the first call, not run unoptimized by a fresh process.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static GrowthSummary Summarize(IReadOnlyList<GrowthPoint> measured, BandSettings band)
    {
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentNullException.ThrowIfNull(band);
        if (measured.Count == 0)
        {
            return GrowthSummary.Empty;
        }

        // Loops rather than LINQ: status summarizes 100,000 accounts at once, and each closure or boxed enumerator
        // here was garbage that the collector had to trace past the accounts' live records (docs/benchmarks.md).
        var latest = measured[^1];
        var windows = new GrowthWindow[WindowDays.Count];
        for (var i = 0; i < windows.Length; i++)
        {
            windows[i] = Window(measured, latest, WindowDays[i]);
        }

        var (rate, span) = Rate(measured, latest);
        return new GrowthSummary(latest.At, latest.Followers, windows, rate, span, Project(latest, rate, band));
    }

    /// <summary>
    /// The few points of a long series that decide its summary, so a summary can be kept without the series: the
    /// latest; for each window the last point at or before its nominal start and the first after it (the nearest is
    /// one of the two); and the first point of the rate window. Oldest first, each point once.
    /// </summary>
    public static IReadOnlyList<GrowthPoint> Candidates(IReadOnlyList<GrowthPoint> measured)
    {
        ArgumentNullException.ThrowIfNull(measured);
        if (measured.Count == 0)
        {
            return [];
        }

        var latest = measured[^1];
        var picked = new SortedSet<int> { measured.Count - 1 };
        foreach (var days in WindowDays)
        {
            var start = latest.At - TimeSpan.FromDays(days);
            var after = FirstIndex(measured, p => p.At > start);
            if (after > 0)
            {
                picked.Add(LastIndexAtOrBefore(measured, after - 1));
            }

            if (after >= 0 && measured[after].At < latest.At)
            {
                picked.Add(after);
            }
        }

        var rateFrom = FirstAtOrAfter(measured, latest.At - RateWindow);
        if (rateFrom >= 0)
        {
            picked.Add(rateFrom);
        }

        return [.. picked.Select(i => measured[i])];
    }

    private static int FirstIndex(IReadOnlyList<GrowthPoint> points, Func<GrowthPoint, bool> predicate)
    {
        for (var i = 0; i < points.Count; i++)
        {
            if (predicate(points[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The index of the first point at or after <paramref name="start"/>; -1 when there is none.</summary>
    private static int FirstAtOrAfter(IReadOnlyList<GrowthPoint> points, DateTimeOffset start)
    {
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].At >= start)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Among points at the same instant the first one counts (the summary keeps the first of equals).</summary>
    private static int LastIndexAtOrBefore(IReadOnlyList<GrowthPoint> points, int index)
    {
        while (index > 0 && points[index - 1].At == points[index].At)
        {
            index--;
        }

        return index;
    }

    // Once per account of a status: optimized from the first call, not run unoptimized by a fresh process.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static GrowthWindow Window(IReadOnlyList<GrowthPoint> measured, GrowthPoint latest, int days)
    {
        var nominal = TimeSpan.FromDays(days);
        var target = latest.At - nominal;
        var tolerance = nominal / 2;
        GrowthPoint? best = null;
        for (var i = 0; i < measured.Count; i++)
        {
            var point = measured[i];
            if (point.At >= latest.At || (point.At - target).Duration() > tolerance)
            {
                continue;
            }

            // Strictly nearer wins; on a tie the older one, so the span is never shorter than the window.
            if (best is not { } current || (point.At - target).Duration() < (current.At - target).Duration())
            {
                best = point;
            }
        }

        if (best is not { } from)
        {
            return GrowthWindow.None(days);
        }

        var change = latest.Followers - from.Followers;
        double? percent = from.Followers == 0 ? null : 100.0 * change / from.Followers;
        return new GrowthWindow(days, from.At, latest.At - from.At, change, percent);
    }

    private static (double? Rate, TimeSpan? Span) Rate(IReadOnlyList<GrowthPoint> measured, GrowthPoint latest)
    {
        var index = FirstAtOrAfter(measured, latest.At - RateWindow);
        if (index < 0 || latest.At - measured[index].At < MinRateSpan)
        {
            return (null, null);
        }

        var earliest = measured[index];
        var span = latest.At - earliest.At;
        return ((latest.Followers - earliest.Followers) / span.TotalDays, span);
    }

    private static DateTimeOffset? Project(GrowthPoint latest, double? rate, BandSettings band)
    {
        var followers = latest.Followers;
        if (followers >= band.MinFollowers || rate is not > 0)
        {
            return null;
        }

        var days = (band.MinFollowers - followers) / rate.Value;
        return days > ProjectionHorizon.TotalDays ? null : latest.At + TimeSpan.FromDays(days);
    }
}
