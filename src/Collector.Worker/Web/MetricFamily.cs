using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Collector.Worker.Web;

/// <summary>
/// One instrument's series in Prometheus text exposition format 0.0.4: counters as running sums (named
/// <c>_total</c>), gauges as the last observed value, histograms as cumulative buckets with <c>_sum</c> and
/// <c>_count</c>. Label sets are canonical (sorted by name) so the same tags always hit the same series.
/// </summary>
internal sealed class MetricFamily
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<string, Series> _series = new(StringComparer.Ordinal);
    private readonly double[] _buckets;

    private MetricFamily(string name, string help, MetricKind kind, double[] buckets)
    {
        Name = name;
        Help = help;
        Kind = kind;
        _buckets = buckets;
    }

    public string Name { get; }

    public string Help { get; }

    public MetricKind Kind { get; }

    public static MetricFamily? For(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var help = instrument.Description ?? instrument.Name;
        return instrument switch
        {
            Counter<long> or Counter<int> or Counter<double> => new MetricFamily(instrument.Name + "_total", help, MetricKind.Counter, []),
            ObservableGauge<long> or ObservableGauge<int> or ObservableGauge<double> => new MetricFamily(instrument.Name, help, MetricKind.Gauge, []),
            Histogram<double> histogram => new MetricFamily(
                instrument.Name, help, MetricKind.Histogram, [.. histogram.Advice?.HistogramBucketBoundaries ?? [0.1, 1, 10]]),
            _ => null,
        };
    }

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        lock (_lock)
        {
            if (!_series.TryGetValue(labels, out var series))
            {
                series = new Series(new long[_buckets.Length]);
                _series[labels] = series;
            }

            switch (Kind)
            {
                case MetricKind.Counter:
                    series.Sum += value;
                    break;
                case MetricKind.Gauge:
                    series.Sum = value;
                    break;
                default:
                    series.Sum += value;
                    series.Count++;
                    for (var i = 0; i < _buckets.Length; i++)
                    {
                        if (value <= _buckets[i])
                        {
                            series.Buckets[i]++;
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>Gauges are observed afresh at every scrape; a platform that vanished must not linger.</summary>
    public void ClearGauge()
    {
        if (Kind == MetricKind.Gauge)
        {
            lock (_lock)
            {
                _series.Clear();
            }
        }
    }

    public void WriteTo(StringBuilder text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text.Append("# HELP ").Append(Name).Append(' ').Append(EscapeHelp(Help)).Append('\n');
        text.Append("# TYPE ").Append(Name).Append(' ').Append(Kind.ToString().ToLowerInvariant()).Append('\n');
        lock (_lock)
        {
            foreach (var (labels, series) in _series)
            {
                if (Kind != MetricKind.Histogram)
                {
                    Sample(text, Name, labels, series.Sum);
                    continue;
                }

                for (var i = 0; i < _buckets.Length; i++)
                {
                    Sample(text, Name + "_bucket", Join(labels, $"le=\"{Number(_buckets[i])}\""), series.Buckets[i]);
                }

                Sample(text, Name + "_bucket", Join(labels, "le=\"+Inf\""), series.Count);
                Sample(text, Name + "_sum", labels, series.Sum);
                Sample(text, Name + "_count", labels, series.Count);
            }
        }
    }

    private static void Sample(StringBuilder text, string name, string labels, double value)
    {
        text.Append(name);
        if (labels.Length > 0)
        {
            text.Append('{').Append(labels).Append('}');
        }

        text.Append(' ').Append(Number(value)).Append('\n');
    }

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0)
        {
            return string.Empty;
        }

        var pairs = new List<string>(tags.Length);
        foreach (var (key, value) in tags)
        {
            pairs.Add($"{key}=\"{EscapeLabel(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty)}\"");
        }

        pairs.Sort(StringComparer.Ordinal);
        return string.Join(',', pairs);
    }

    private static string Join(string labels, string extra) => labels.Length == 0 ? extra : labels + "," + extra;

    private static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string EscapeLabel(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeHelp(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private sealed class Series(long[] buckets)
    {
        public long[] Buckets { get; } = buckets;

        public double Sum { get; set; }

        public long Count { get; set; }
    }
}
