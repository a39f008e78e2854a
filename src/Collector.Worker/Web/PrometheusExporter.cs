using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;

namespace Collector.Worker.Web;

/// <summary>
/// Listens to this container's <see cref="CollectorMetrics.MeterName"/> meter (meters of other containers in the same
/// process, as in tests, are someone else's) and renders what it heard as Prometheus text.
/// </summary>
internal sealed class PrometheusExporter : IDisposable
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, MetricFamily> _families = new(StringComparer.Ordinal);
    private readonly Lock _scrape = new();

    // Taking CollectorMetrics makes the container create the instruments before anything scrapes.
    public PrometheusExporter(IMeterFactory meters, CollectorMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meters)
                && instrument.Meter.Name == CollectorMetrics.MeterName
                && MetricFamily.For(instrument) is { } family)
            {
                listener.EnableMeasurementEvents(instrument, _families.GetOrAdd(family.Name, family));
            }
        };
        _listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.Start();
    }

    public string Scrape()
    {
        lock (_scrape)
        {
            foreach (var family in _families.Values)
            {
                family.ClearGauge();
            }

            _listener.RecordObservableInstruments();
            var text = new StringBuilder();
            foreach (var family in _families.Values.OrderBy(static f => f.Name, StringComparer.Ordinal))
            {
                family.WriteTo(text);
            }

            return text.ToString();
        }
    }

    public void Dispose() => _listener.Dispose();
}
