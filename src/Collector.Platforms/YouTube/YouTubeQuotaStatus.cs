using Microsoft.Extensions.Options;

namespace Collector.Platforms.YouTube;

/// <summary>Today's YouTube quota as health and metrics show it: units used, the daily limit, the next reset.</summary>
internal sealed class YouTubeQuotaStatus(YouTubeQuota quota, IOptions<YouTubeOptions> options, TimeProvider time)
{
    public async Task<(long Used, long Limit, DateTimeOffset ResetsAt, bool Exhausted)> ReadAsync(CancellationToken cancellationToken)
    {
        var usage = await quota.GetTodayAsync(cancellationToken);
        return (usage.Units, options.Value.DailyQuotaUnits, PacificQuotaDay.NextReset(time.GetUtcNow()), usage.IsExhausted);
    }
}
