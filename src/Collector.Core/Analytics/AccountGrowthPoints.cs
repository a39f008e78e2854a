namespace Collector.Core.Analytics;

/// <summary>The points that decide one account's growth summary (<see cref="GrowthCalculator.Candidates"/>), oldest first.</summary>
public sealed record AccountGrowthPoints(long AccountId, IReadOnlyList<GrowthPoint> Points);
