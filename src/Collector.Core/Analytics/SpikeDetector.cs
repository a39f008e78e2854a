using Collector.Core.Storage;

namespace Collector.Core.Analytics;

/// <summary>
/// Flags day-over-day follower jumps far outside an account's own recent variation (domain notes §4.4: a giveaway,
/// a shout-out or bought followers), in the manner of a peak detector: mean + k·σ of the previous daily gains.
/// </summary>
/// <remarks>
/// A day's value is its last measured snapshot (UTC days), and a daily gain exists only between two consecutive days
/// that both have one: a gain across a gap would mix several days and is left out rather than guessed. Only jumps up
/// are flagged; the check runs for the days of the new snapshots, so a day is judged on what is known so far.
/// </remarks>
public static class SpikeDetector
{
    /// <param name="history">The account's snapshots, oldest first, reaching <see cref="SpikeSettings.LookBack"/> before the checked days.</param>
    /// <param name="days">The UTC days to judge (those of newly collected snapshots).</param>
    public static IReadOnlyList<Spike> Detect(IReadOnlyList<SnapshotRecord> history, IEnumerable<DateOnly> days, SpikeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(settings);

        var daily = new SortedDictionary<DateOnly, SnapshotRecord>();
        foreach (var snapshot in history)
        {
            if (snapshot.Followers is not null)
            {
                daily[DateOnly.FromDateTime(snapshot.CollectedAt.UtcDateTime)] = snapshot;
            }
        }

        var spikes = new List<Spike>();
        foreach (var day in days.Distinct().Order())
        {
            if (Judge(daily, day, settings) is { } spike)
            {
                spikes.Add(spike);
            }
        }

        return spikes;
    }

    private static Spike? Judge(SortedDictionary<DateOnly, SnapshotRecord> daily, DateOnly day, SpikeSettings settings)
    {
        if (Gain(daily, day) is not { } gain || !daily.TryGetValue(day.AddDays(-1), out var previous))
        {
            return null;
        }

        var baseline = new List<double>(settings.WindowDays);
        for (var d = day.AddDays(-settings.WindowDays); d < day; d = d.AddDays(1))
        {
            if (Gain(daily, d) is { } g)
            {
                baseline.Add(g);
            }
        }

        if (baseline.Count < settings.MinHistoryDays)
        {
            return null;
        }

        var mean = baseline.Average();
        var sigma = Math.Sqrt(baseline.Sum(g => (g - mean) * (g - mean)) / baseline.Count);
        var floor = Math.Max(1, settings.MinSigmaFraction * previous.Followers!.Value);
        var threshold = mean + (settings.Sigmas * Math.Max(sigma, floor));
        if (gain <= threshold)
        {
            return null;
        }

        var snapshot = daily[day];
        return new Spike(day, snapshot.CollectedAt, snapshot.Followers!.Value, gain, mean, threshold);
    }

    private static long? Gain(SortedDictionary<DateOnly, SnapshotRecord> daily, DateOnly day) =>
        daily.TryGetValue(day, out var today) && daily.TryGetValue(day.AddDays(-1), out var before)
            ? today.Followers!.Value - before.Followers!.Value
            : null;
}
