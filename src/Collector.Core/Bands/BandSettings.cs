namespace Collector.Core.Bands;

/// <summary>The micro-influencer band (SPEC "Engagement rate and the band").</summary>
/// <param name="MinEngagementRate">A fraction: 0.02 is 2 %.</param>
/// <param name="ConfirmSnapshots">Consecutive snapshots a new tier must hold before a crossing is flagged.</param>
public sealed record BandSettings(long MinFollowers, long MaxFollowers, double MinEngagementRate, int ConfirmSnapshots)
{
    public static BandSettings Default { get; } = new(10_000, 100_000, 0, 2);
}
