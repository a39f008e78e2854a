using System.Diagnostics.Metrics;
using Collector.Core.Collection;
using Collector.Platforms.Http;
using Collector.Worker.Watchlists;

namespace Collector.Worker.Web;

/// <summary>
/// The worker's instruments (System.Diagnostics.Metrics), exported at <c>/metrics</c>. Labels are platform, outcome,
/// status class or kind, never an account: a label per account would grow the series with the watchlist.
/// </summary>
internal sealed class CollectorMetrics
{
    public const string MeterName = "Collector";

    private static readonly double[] LatencyBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly Counter<long> _collections;
    private readonly Counter<long> _snapshots;
    private readonly Counter<long> _bandCrossings;
    private readonly Counter<long> _reloadErrors;
    private readonly Histogram<double> _requestDuration;

    public CollectorMetrics(
        IMeterFactory meters, WatchlistState watchlist, IEnumerable<IQuotaStatusSource> quotas, RateLimitGate? gate = null)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _collections = meter.CreateCounter<long>(
            "collector_collections", description: "Watchlist entries handled by scheduled rounds, by platform and outcome (collected, failed, deferred, skipped, error).");
        _snapshots = meter.CreateCounter<long>(
            "collector_snapshots_written", description: "Snapshots written by scheduled rounds.");
        _bandCrossings = meter.CreateCounter<long>(
            "collector_band_crossings", description: "Micro-influencer band crossings flagged, by platform and kind (entered, left).");
        _reloadErrors = meter.CreateCounter<long>(
            "collector_watchlist_reload_errors", description: "Watchlist edits rejected as invalid; the last valid watchlist stayed in force.");
        _requestDuration = meter.CreateHistogram(
            "collector_http_request_duration_seconds",
            unit: "s",
            description: "Duration of each platform API request attempt, by platform and status class.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });

        meter.CreateObservableGauge(
            "collector_rate_limit_remaining",
            () => RateLimitRemaining(gate),
            description: "Requests left in the platform's current rate-limit window (the lowest across its hosts).");
        meter.CreateObservableGauge(
            "collector_quota_used_units",
            () => quotas.SelectMany(static q => q.Read()).Select(static q => new Measurement<long>(q.Used, Platform(q.Platform))),
            description: "Quota units used in the current quota period, where the platform has a quota.");
        meter.CreateObservableGauge(
            "collector_watchlist_accounts",
            () => watchlist.Current.CountByPlatform().Select(static p => new Measurement<int>(p.Value, Platform(p.Key))),
            description: "Accounts in the watchlist in force, by platform.");
    }

    public void RoundCompleted(CollectionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var outcome in report.Results.GroupBy(static r => r.Outcome))
        {
            _collections.Add(outcome.Count(), Platform(report.Platform), Outcome(outcome.Key.ToString().ToLowerInvariant()));
        }

        _snapshots.Add(report.Collected, Platform(report.Platform));
    }

    /// <summary>A round that ended in an exception: its accounts count as outcome <c>error</c>.</summary>
    public void RoundFailed(string platform, int accounts) => _collections.Add(accounts, Platform(platform), Outcome("error"));

    public void RequestCompleted(string platform, string statusClass, TimeSpan elapsed) =>
        _requestDuration.Record(elapsed.TotalSeconds, Platform(platform), new KeyValuePair<string, object?>("status_class", statusClass));

    /// <summary>Seam for band evaluation: call once per crossing stored.</summary>
    public void BandCrossing(string platform, string kind) =>
        _bandCrossings.Add(1, Platform(platform), new KeyValuePair<string, object?>("kind", kind));

    public void WatchlistRejected() => _reloadErrors.Add(1);

    private static IEnumerable<Measurement<long>> RateLimitRemaining(RateLimitGate? gate) =>
        (gate?.Snapshot() ?? [])
            .Where(static s => s.Remaining is not null)
            .GroupBy(static s => GatePlatform(s.Key))
            .Select(static g => new Measurement<long>(g.Min(static s => s.Remaining!.Value), Platform(g.Key)));

    /// <summary>Gate keys are <c>platform:host</c>; the host (a Mastodon instance) stays out of the labels.</summary>
    private static string GatePlatform(string key) => key.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? key[..colon] : key;

    private static KeyValuePair<string, object?> Platform(string platform) => new("platform", platform);

    private static KeyValuePair<string, object?> Outcome(string outcome) => new("outcome", outcome);
}
