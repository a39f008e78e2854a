namespace Collector.Worker.Web;

/// <summary>
/// Seam for platform quota ledgers (the YouTube Data API's daily units): register an adapter over the ledger as an
/// <see cref="IQuotaStatusSource"/> and <c>/healthz</c> shows each platform's quota and <c>/metrics</c> exports
/// <c>collector_quota_used_units</c>. With none registered, quota is reported as absent.
/// </summary>
internal interface IQuotaStatusSource
{
    IReadOnlyList<QuotaStatus> Read();
}
