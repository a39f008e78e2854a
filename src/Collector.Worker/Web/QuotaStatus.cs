namespace Collector.Worker.Web;

/// <summary>A platform's quota as its ledger knows it now.</summary>
internal sealed record QuotaStatus(string Platform, long Used, long Limit, DateTimeOffset? ResetsAt);
