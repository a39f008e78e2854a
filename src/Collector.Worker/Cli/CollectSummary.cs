using System.Globalization;
using Collector.Core.Collection;
using Spectre.Console;

namespace Collector.Worker.Cli;

/// <summary>The table printed after <c>collect</c>: counts per platform, then every account that was not collected.</summary>
internal static class CollectSummary
{
    public static void Write(CliConsole console, IReadOnlyList<CollectionReport> reports)
    {
        var ansi = console.Ansi();
        var totals = new Table().AddColumns("platform", "collected", "failed", "deferred", "skipped");
        foreach (var report in reports.OrderBy(static r => r.Platform, StringComparer.Ordinal))
        {
            totals.AddRow(report.Platform, Num(report.Collected), Num(report.Failed), Num(report.Deferred), Num(report.Skipped));
        }

        ansi.Write(totals);

        var problems = reports.SelectMany(static r => r.Results).Where(static r => r.Outcome != CollectionOutcome.Collected).ToList();
        if (problems.Count == 0)
        {
            return;
        }

        var details = new Table().AddColumns("account", "outcome", "reason");
        foreach (var result in problems.OrderBy(static r => r.Account.Display, StringComparer.Ordinal))
        {
            var reason = result.Error is { } error ? $"{error.Kind}: {error.Message}" : string.Empty;
            details.AddRow(Markup.Escape(result.Account.Display), result.Outcome.ToString().ToLowerInvariant(), Markup.Escape(reason));
        }

        ansi.Write(details);
    }

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);
}
