using Collector.Core.Platforms;
using Collector.Platforms.YouTube;

namespace Collector.Worker.Web;

/// <summary>Adapts the YouTube quota ledger to health and metrics.</summary>
internal sealed class YouTubeQuotaSource(YouTubeQuotaStatus quota) : IQuotaStatusSource
{
    public IReadOnlyList<QuotaStatus> Read()
    {
        // The ledger is one indexed SQLite row; Microsoft.Data.Sqlite runs its async methods synchronously anyway,
        // and the metrics callback that calls this cannot be async.
        var (used, limit, resetsAt, exhausted) = quota.ReadAsync(CancellationToken.None).GetAwaiter().GetResult();
        return [new QuotaStatus(PlatformKeys.YouTube, exhausted ? Math.Max(used, limit) : used, limit, resetsAt)];
    }
}
