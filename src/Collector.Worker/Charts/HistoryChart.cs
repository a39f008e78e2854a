using System.Globalization;
using Collector.Core.Bands;
using Collector.Core.Storage;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace Collector.Worker.Charts;

/// <summary>
/// The <c>history --plot</c> chart: followers over time with the band's limits drawn and the band shaded, and the
/// engagement rate on a second axis. Unknown values leave a gap in the line rather than a fake 0.
/// </summary>
internal static class HistoryChart
{
    public const int Width = 1000;
    public const int Height = 500;

    public static PlotModel Build(string title, IReadOnlyList<SnapshotRecord> snapshots, BandSettings band)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(band);
        var model = new PlotModel { Title = title, Background = OxyColors.White };
        model.Legends.Add(new Legend
        {
            LegendPlacement = LegendPlacement.Outside,
            LegendPosition = LegendPosition.TopCenter,
            LegendOrientation = LegendOrientation.Horizontal,
        });
        model.Axes.Add(new DateTimeAxis
        {
            Position = AxisPosition.Bottom,
            StringFormat = "yyyy-MM-dd",
            MajorGridlineStyle = LineStyle.Dot,
        });

        var followers = snapshots.Where(static s => s.Followers is not null).Select(static s => (double)s.Followers!.Value).ToList();
        var (low, high) = Range(followers, band);
        model.Axes.Add(new LinearAxis
        {
            Key = "followers",
            Position = AxisPosition.Left,
            Title = "followers",
            Minimum = low,
            Maximum = high,
            MajorGridlineStyle = LineStyle.Dot,
            LabelFormatter = static v => v.ToString("#,0", CultureInfo.InvariantCulture),
        });
        model.Axes.Add(new LinearAxis
        {
            Key = "er",
            Position = AxisPosition.Right,
            Title = "engagement rate (%)",
            Minimum = 0,
            MaximumPadding = 0.15,
            LabelFormatter = static v => v.ToString("0.##", CultureInfo.InvariantCulture),
        });

        AddBand(model, band, low, high);
        model.Series.Add(Line("followers", "followers", OxyColor.FromRgb(0x1f, 0x77, 0xb4), LineStyle.Solid,
            snapshots.Select(static s => (s.CollectedAt, (double?)s.Followers))));
        model.Series.Add(Line("engagement rate", "er", OxyColor.FromRgb(0xd6, 0x27, 0x28), LineStyle.Dash,
            snapshots.Select(static s => (s.CollectedAt, s.EngagementRate * 100))));
        return model;
    }

    /// <summary>Writes <c>.svg</c> (no native code) or <c>.png</c> (SkiaSharp) by the file's extension.</summary>
    public static void Write(PlotModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var png = IsPng(path);
        using var stream = File.Create(path);
        if (png)
        {
            new OxyPlot.SkiaSharp.PngExporter { Width = Width, Height = Height }.Export(model, stream);
        }
        else
        {
            new SvgExporter { Width = Width, Height = Height }.Export(model, stream);
        }
    }

    public static bool IsSupported(string path) => IsPng(path) || path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase);

    private static bool IsPng(string path) => path.EndsWith(".png", StringComparison.OrdinalIgnoreCase);

    /// <summary>The data's range, stretched to a band limit that is near it so a crossing is visible against it.</summary>
    private static (double Low, double High) Range(List<double> followers, BandSettings band)
    {
        var low = followers.Count > 0 ? followers.Min() : band.MinFollowers;
        var high = followers.Count > 0 ? followers.Max() : band.MinFollowers;
        foreach (double limit in (long[])[band.MinFollowers, band.MaxFollowers])
        {
            if (limit >= low / 2 && limit <= high * 1.5)
            {
                (low, high) = (Math.Min(low, limit), Math.Max(high, limit));
            }
        }

        var pad = Math.Max((high - low) * 0.08, Math.Max(1, high * 0.01));
        return (Math.Max(0, low - pad), high + pad);
    }

    private static void AddBand(PlotModel model, BandSettings band, double low, double high)
    {
        model.Annotations.Add(new RectangleAnnotation
        {
            YAxisKey = "followers",
            MinimumY = band.MinFollowers,
            MaximumY = band.MaxFollowers,
            Fill = OxyColor.FromAColor(28, OxyColors.Green),
            Layer = AnnotationLayer.BelowSeries,
        });
        foreach (var (value, name) in new[] { (band.MinFollowers, "min_followers"), (band.MaxFollowers, "max_followers") })
        {
            if (value < low || value > high)
            {
                continue;
            }

            model.Annotations.Add(new LineAnnotation
            {
                Type = LineAnnotationType.Horizontal,
                YAxisKey = "followers",
                Y = value,
                Color = OxyColors.SeaGreen,
                LineStyle = LineStyle.Dash,
                Text = $"{name} {value.ToString("#,0", CultureInfo.InvariantCulture)}",
                TextColor = OxyColors.SeaGreen,
            });
        }
    }

    private static LineSeries Line(string title, string axis, OxyColor color, LineStyle style, IEnumerable<(DateTimeOffset At, double? Value)> points)
    {
        var series = new LineSeries
        {
            Title = title,
            YAxisKey = axis,
            Color = color,
            LineStyle = style,
            StrokeThickness = 2,
            MarkerType = MarkerType.Circle,
            MarkerSize = 2.5,
            MarkerFill = color,
        };
        foreach (var (at, value) in points)
        {
            // DataPoint.Undefined breaks the line: an unknown value is a gap, not a zero.
            series.Points.Add(value is { } v ? new DataPoint(DateTimeAxis.ToDouble(at.UtcDateTime), v) : DataPoint.Undefined);
        }

        return series;
    }
}
