namespace Collector.Core.Platforms;

/// <summary>What a platform's quota ledger holds for one quota day (for health and metrics too).</summary>
/// <param name="Units">Units spent by this collector (every process sharing the database).</param>
/// <param name="ExhaustedAt">When the platform said the quota was spent (it may be shared with other applications); null if it did not.</param>
public sealed record QuotaUsage(string Platform, DateOnly Day, long Units, DateTimeOffset? ExhaustedAt)
{
    public bool IsExhausted => ExhaustedAt is not null;
}
