namespace Collector.Core.Analytics;

/// <summary>
/// Follower change over a nominal window (1, 7 or 30 days) measured between the latest snapshot and the snapshot
/// nearest to the window's start. <see cref="Span"/> is the time actually covered, which differs from the nominal
/// window when collection was irregular; everything is null when no snapshot was near enough (a gap).
/// </summary>
public sealed record GrowthWindow(int Days, DateTimeOffset? From, TimeSpan? Span, long? Change, double? Percent)
{
    public bool HasData => Change is not null;

    public static GrowthWindow None(int days) => new(days, null, null, null, null);
}
