using System.Globalization;
using System.Text;

namespace Collector.Benchmarks.Harness;

/// <summary>
/// The figures of a run as a Markdown table (readable in a terminal, pasted as is into docs/benchmarks.md), plus the
/// correctness checks. A missed performance target is reported, never fatal; a failed check fails the run.
/// </summary>
internal sealed class Report
{
    private readonly List<Row> _rows = [];
    private readonly List<string> _failures = [];

    public IReadOnlyList<string> Failures => _failures;

    public void Add(string section, string metric, string value, string baseline = "", string ratio = "", string target = "", bool? met = null) =>
        _rows.Add(new Row(section, metric, value, baseline, ratio, target, met));

    /// <summary>A correctness check: recorded as a failure (and printed at once) when false.</summary>
    public void Check(bool condition, string what)
    {
        if (!condition)
        {
            _failures.Add(what);
            Progress.Write($"CHECK FAILED: {what}");
        }
    }

    public string ToMarkdown(bool timingTargets)
    {
        var text = new StringBuilder();
        text.AppendLine("| section | metric | measured | baseline | ratio | target | met |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var row in _rows)
        {
            var met = row.Met switch
            {
                null => string.Empty,
                true => "yes",
                false => timingTargets ? "**no**" : "(quick)",
            };
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Section} | {row.Metric} | {row.Value} | {row.Baseline} | {row.Ratio} | {row.Target} | {met} |");
        }

        return text.ToString();
    }

    public static string Num(double value, int decimals = 2) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Int(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(double fraction) => (fraction * 100).ToString("N0", CultureInfo.InvariantCulture) + " %";

    private sealed record Row(string Section, string Metric, string Value, string Baseline, string Ratio, string Target, bool? Met);
}

/// <summary>Progress lines on standard error, so standard output holds only the final table.</summary>
internal static class Progress
{
    private static readonly System.Diagnostics.Stopwatch Clock = System.Diagnostics.Stopwatch.StartNew();

    public static void Write(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{Clock.Elapsed.TotalSeconds,6:F1}s] {message}"));
}
