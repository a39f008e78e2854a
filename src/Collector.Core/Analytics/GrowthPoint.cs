namespace Collector.Core.Analytics;

/// <summary>A measured follower count at an instant: all that growth is computed from.</summary>
public readonly record struct GrowthPoint(DateTimeOffset At, long Followers);
