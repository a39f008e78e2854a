namespace Collector.Worker.Web;

/// <summary>The Prometheus metric types the exporter writes (the names are the exposition's TYPE words).</summary>
internal enum MetricKind
{
    Counter,
    Gauge,
    Histogram,
}
