namespace Collector.Worker.Web;

/// <summary>Part of <c>/healthz</c>.</summary>
internal sealed record QuotaHealth(long Used, long Limit, DateTimeOffset? ResetsAt);
