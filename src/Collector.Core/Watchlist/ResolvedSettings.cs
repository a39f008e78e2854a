using System.Globalization;
using Collector.Core.Bands;

namespace Collector.Core.Watchlist;

/// <summary>
/// Effective settings at one level, each remembering where it was written, so a conflict created by
/// an override can be reported at the value that caused it.
/// </summary>
internal sealed record ResolvedSettings(
    Setting<Schedule> Schedule,
    Setting<int> EngagementPosts,
    Setting<long> MinFollowers,
    Setting<long> MaxFollowers,
    Setting<double> MinEngagementRate,
    Setting<int> ConfirmSnapshots)
{
    public const int DefaultEngagementPosts = 12;

    public static TimeSpan DefaultInterval { get; } = TimeSpan.FromHours(6);

    /// <summary>The SPEC defaults, used where the watchlist says nothing.</summary>
    public static ResolvedSettings Defaults { get; } = new(
        new(new Schedule.Every(DefaultInterval), null),
        new(DefaultEngagementPosts, null),
        new(BandSettings.Default.MinFollowers, null),
        new(BandSettings.Default.MaxFollowers, null),
        new(BandSettings.Default.MinEngagementRate, null),
        new(BandSettings.Default.ConfirmSnapshots, null));

    public BandSettings Band => new(MinFollowers.Value, MaxFollowers.Value, MinEngagementRate.Value, ConfirmSnapshots.Value);

    public PlatformDefaults ToDefaults() => new(Schedule.Value, EngagementPosts.Value, Band);

    /// <summary>This level with <paramref name="layer"/> written over it, field by field.</summary>
    public ResolvedSettings Apply(SettingsLayer layer, ProblemList problems)
    {
        // Most accounts override nothing: nothing to merge, and no range check (it only looks at written values).
        if (ReferenceEquals(layer, SettingsLayer.Empty))
        {
            return this;
        }

        var merged = new ResolvedSettings(
            layer.Schedule ?? Schedule,
            layer.EngagementPosts ?? EngagementPosts,
            layer.Band.MinFollowers ?? MinFollowers,
            layer.Band.MaxFollowers ?? MaxFollowers,
            layer.Band.MinEngagementRate ?? MinEngagementRate,
            layer.Band.ConfirmSnapshots ?? ConfirmSnapshots);
        merged.CheckFollowerRange(layer.Band, problems);
        return merged;
    }

    /// <summary>
    /// Reported only at the level that wrote one of the two values, so an inherited conflict is
    /// reported once, where it was made, not again at every account below it.
    /// </summary>
    private void CheckFollowerRange(BandLayer written, ProblemList problems)
    {
        var minWritten = written.MinFollowers is not null;
        var maxWritten = written.MaxFollowers is not null;
        if (!(minWritten || maxWritten) || MinFollowers.Value <= MaxFollowers.Value)
        {
            return;
        }

        // When both are written here, point at the later one: it is where the range stops making sense.
        var blameMin = minWritten && (!maxWritten || IsAfter(MinFollowers.At, MaxFollowers.At));
        var min = MinFollowers.Value.ToString(CultureInfo.InvariantCulture);
        var max = MaxFollowers.Value.ToString(CultureInfo.InvariantCulture);
        if (blameMin && MinFollowers.At is { } minAt)
        {
            problems.Add(minAt, $"{WatchlistKeys.MinFollowers} ({min}) is greater than {WatchlistKeys.MaxFollowers} ({max}, {MaxFollowers.Origin})");
        }
        else if (MaxFollowers.At is { } maxAt)
        {
            problems.Add(maxAt, $"{WatchlistKeys.MaxFollowers} ({max}) is less than {WatchlistKeys.MinFollowers} ({min}, {MinFollowers.Origin})");
        }
    }

    private static bool IsAfter(SourcePosition? a, SourcePosition? b) => a is { } x && b is { } y && y.IsBefore(x);
}
