using System.Diagnostics.Metrics;
using System.Text;
using Collector.Worker.Web;

namespace Collector.Worker.Tests.Web;

public sealed class MetricFamilyTests
{
    [Fact]
    public void Counter_IsNamedTotalAndSumsPerCanonicalLabelSet()
    {
        using var meter = new Meter("test");
        var family = MetricFamily.For(meter.CreateCounter<long>("jobs", description: "Jobs run."))!;

        family.Record(2, [new("platform", "x"), new("outcome", "ok")]);
        family.Record(3, [new("outcome", "ok"), new("platform", "x")]);

        Assert.Equal(
            "# HELP jobs_total Jobs run.\n# TYPE jobs_total counter\njobs_total{outcome=\"ok\",platform=\"x\"} 5\n",
            Render(family));
    }

    [Fact]
    public void LabelValues_AreEscaped()
    {
        using var meter = new Meter("test");
        var family = MetricFamily.For(meter.CreateCounter<long>("odd"))!;

        family.Record(1, [new("v", "a\"b\\c\nd")]);

        Assert.Contains("odd_total{v=\"a\\\"b\\\\c\\nd\"} 1\n", Render(family), StringComparison.Ordinal);
    }

    [Fact]
    public void Histogram_WritesCumulativeBucketsSumAndCount()
    {
        using var meter = new Meter("test");
        var histogram = meter.CreateHistogram("latency_seconds", "s", "Latency.", null, new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 1] });
        var family = MetricFamily.For(histogram)!;

        family.Record(0.05, []);
        family.Record(0.5, []);
        family.Record(5, []);

        Assert.Equal(
            """
            # HELP latency_seconds Latency.
            # TYPE latency_seconds histogram
            latency_seconds_bucket{le="0.1"} 1
            latency_seconds_bucket{le="1"} 2
            latency_seconds_bucket{le="+Inf"} 3
            latency_seconds_sum 5.55
            latency_seconds_count 3

            """.ReplaceLineEndings("\n"),
            Render(family));
    }

    [Fact]
    public void Gauge_KeepsTheLastValueUntilCleared()
    {
        using var meter = new Meter("test");
        var family = MetricFamily.For(meter.CreateObservableGauge("level", () => 0L))!;

        family.Record(4, [new("platform", "x")]);
        family.Record(7, [new("platform", "x")]);
        Assert.EndsWith("level{platform=\"x\"} 7\n", Render(family), StringComparison.Ordinal);

        family.ClearGauge();
        Assert.DoesNotContain("level{", Render(family), StringComparison.Ordinal);
    }

    private static string Render(MetricFamily family)
    {
        var text = new StringBuilder();
        family.WriteTo(text);
        return text.ToString();
    }
}
