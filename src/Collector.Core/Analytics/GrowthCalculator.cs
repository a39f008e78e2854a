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
        ArgumentNullException.ThrowIfNull(band);

        var measured = snapshots.Where(static s => s.Followers is not null).ToList();
        if (measured.Count == 0)
        {
            return GrowthSummary.Empty;
        }

        var latest = measured[^1];
        var windows = WindowDays.Select(days => Window(measured, latest, days)).ToList();
        var (rate, span) = Rate(measured, latest);
        return new GrowthSummary(latest.CollectedAt, latest.Followers, windows, rate, span, Project(latest, rate, band));
    }

    private static GrowthWindow Window(List<SnapshotRecord> measured, SnapshotRecord latest, int days)
    {
        var nominal = TimeSpan.FromDays(days);
        var target = latest.CollectedAt - nominal;
        var tolerance = nominal / 2;
        SnapshotRecord? best = null;
        foreach (var snapshot in measured)
        {
            if (snapshot.CollectedAt >= latest.CollectedAt || (snapshot.CollectedAt - target).Duration() > tolerance)
            {
                continue;
            }

            // Strictly nearer wins; on a tie the older one, so the span is never shorter than the window.
            if (best is null || (snapshot.CollectedAt - target).Duration() < (best.CollectedAt - target).Duration())
            {
                best = snapshot;
            }
        }

        if (best is null)
        {
            return GrowthWindow.None(days);
        }

        var change = latest.Followers!.Value - best.Followers!.Value;
        double? percent = best.Followers.Value == 0 ? null : 100.0 * change / best.Followers.Value;
        return new GrowthWindow(days, best.CollectedAt, latest.CollectedAt - best.CollectedAt, change, percent);
    }

    private static (double? Rate, TimeSpan? Span) Rate(List<SnapshotRecord> measured, SnapshotRecord latest)
    {
        var earliest = measured.FirstOrDefault(s => s.CollectedAt >= latest.CollectedAt - RateWindow);
        if (earliest is null || latest.CollectedAt - earliest.CollectedAt < MinRateSpan)
        {
            return (null, null);
        }

        var span = latest.CollectedAt - earliest.CollectedAt;
        return ((latest.Followers!.Value - earliest.Followers!.Value) / span.TotalDays, span);
    }

    private static DateTimeOffset? Project(SnapshotRecord latest, double? rate, BandSettings band)
    {
        var followers = latest.Followers!.Value;
        if (followers >= band.MinFollowers || rate is not > 0)
        {
            return null;
        }

        var days = (band.MinFollowers - followers) / rate.Value;
        return days > ProjectionHorizon.TotalDays ? null : latest.CollectedAt + TimeSpan.FromDays(days);
    }
}
