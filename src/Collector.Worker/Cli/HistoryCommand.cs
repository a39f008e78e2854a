using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Collector.Core.Analytics;
using Collector.Core.Bands;
using Collector.Core.Storage;
using Collector.Core.Watchlist;
using Collector.Worker.Charts;
using Collector.Worker.Output;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Collector.Worker.Cli;

/// <summary>
/// <c>collector history P:HANDLE [--since DATE] [--json|--csv] [--plot FILE.png|.svg]</c>: one account's snapshots,
/// its growth (1, 7, 30 days with the spans really measured) and band-entry projection, and optionally a chart.
/// Growth is computed from all recent snapshots, whatever --since shows.
/// </summary>
internal static class HistoryCommand
{
    public static Command Create(GlobalOptions global, CliConsole console)
    {
        var account = new Argument<string>("account") { Description = "The account, as PLATFORM:HANDLE" };
        var since = SinceOption.Create();
        var json = new Option<bool>("--json") { Description = "Print JSON (account, band, growth, snapshots)" };
        var csv = new Option<bool>("--csv") { Description = "Print CSV (the export columns)" };
        var plot = new Option<string?>("--plot") { Description = "Also draw followers and engagement over time to FILE.png or FILE.svg" };
        var command = new Command("history", "Show one account's snapshots, growth and band projection") { account, since, json, csv, plot };
        command.SetAction((result, token) => RunAsync(global, result, console, new Request(
            result.GetValue(account)!, result.GetValue(since), result.GetValue(json), result.GetValue(csv), result.GetValue(plot)), token));
        return command;
    }

    private sealed record Request(string Account, string? Since, bool Json, bool Csv, string? Plot);

    private static async Task<int> RunAsync(GlobalOptions global, ParseResult result, CliConsole console, Request request, CancellationToken token)
    {
        if (request.Json && request.Csv)
        {
            await console.Error.WriteLineAsync("history: choose one of --json and --csv");
            return ExitCodes.UsageOrConfiguration;
        }

        if (request.Plot is { } plotPath && !HistoryChart.IsSupported(plotPath))
        {
            await console.Error.WriteLineAsync($"--plot {plotPath}: the file name must end in .png or .svg");
            return ExitCodes.UsageOrConfiguration;
        }

        var (session, exitCode) = await CommandSession.OpenAsync(global.Read(result), console, needsWatchlist: true, token);
        if (session is null)
        {
            return exitCode;
        }

        using (session)
        {
            var now = session.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            var watched = AccountSelector.Parse(session.Watchlist!, request.Account, out var error);
            if (watched is null || !SinceOption.TryParse(request.Since, now, out var since, out error))
            {
                await console.Error.WriteLineAsync(error);
                return ExitCodes.UsageOrConfiguration;
            }

            var reader = session.Services.GetRequiredService<IStatusReader>();
            var record = await reader.GetStatusAsync(watched.Platform, watched.Key, token);
            if (record is not { AccountId: { } accountId })
            {
                await console.Error.WriteLineAsync($"history: no snapshots of {watched.Display} yet (run collect first)");
                return ExitCodes.UsageOrConfiguration;
            }

            var all = await reader.GetSnapshotsAsync(accountId, null, token);
            var shown = since is { } from ? [.. all.Where(s => s.CollectedAt >= from)] : all;
            var growth = GrowthCalculator.Summarize(all, watched.Band);
            var handle = record.Handle ?? watched.Handle;
            await WriteAsync(console, request, watched, record.PlatformId!, handle, shown, growth);

            if (request.Plot is { } path)
            {
                var title = $"{watched.Platform}:{handle}";
                HistoryChart.Write(HistoryChart.Build(title, shown, watched.Band), path);
                var note = request.Json || request.Csv ? console.Error : console.Out;
                await note.WriteLineAsync($"chart written to {path}");
            }

            return ExitCodes.Success;
        }
    }

    private static async Task WriteAsync(
        CliConsole console, Request request, WatchedAccount watched, string platformId, string handle,
        IReadOnlyList<SnapshotRecord> shown, GrowthSummary growth)
    {
        if (request.Json)
        {
            var view = new HistoryView(watched.Platform, handle, platformId, watched.Band, GrowthView.From(growth),
                [.. shown.Select(s => Snapshot(s, watched.Band))]);
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(view, CliJsonContext.Default.HistoryView));
        }
        else if (request.Csv)
        {
            await console.Out.WriteLineAsync(SnapshotCsv.Header);
            foreach (var snapshot in shown)
            {
                await console.Out.WriteLineAsync(SnapshotCsv.Line(new ExportRow(watched.Platform, handle, platformId, snapshot)));
            }
        }
        else
        {
            WriteHuman(console, watched, handle, platformId, shown, growth);
        }
    }

    private static HistorySnapshot Snapshot(SnapshotRecord s, BandSettings band) => new(
        s.CollectedAt, s.Followers, s.Following, s.Posts, s.EngagementRate, s.PostsSampled,
        TierClassifier.Classify(s.Followers, s.EngagementRate, band).ToWire(), QualityNames.Of(s.Quality));

    private static void WriteHuman(
        CliConsole console, WatchedAccount watched, string handle, string platformId, IReadOnlyList<SnapshotRecord> shown, GrowthSummary growth)
    {
        var ansi = TableConsole.For(console);
        var band = watched.Band;
        ansi.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{watched.Platform}:{handle} ({platformId}); band {band.MinFollowers:#,0}–{band.MaxFollowers:#,0} followers, ER ≥ {band.MinEngagementRate:0.##%}"));
        var windows = string.Join("   ", growth.Windows.Select(static w => $"{w.Days} d: {GrowthText.Window(w)}"));
        ansi.WriteLine($"growth   {windows}");
        ansi.WriteLine($"rate     {GrowthText.Rate(growth)}   band entry at this rate: {GrowthText.Projection(growth)}");

        var table = new Table().AddColumns("collected", "followers", "change", "following", "posts", "ER", "tier", "quality");
        long? previous = null;
        foreach (var s in shown)
        {
            var change = s.Followers is { } f && previous is { } p ? (f - p).ToString("+#,0;-#,0;0", CultureInfo.InvariantCulture) : "";
            previous = s.Followers ?? previous;
            table.AddRow(
                s.CollectedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture),
                s.Followers?.ToString("N0", CultureInfo.InvariantCulture) ?? "hidden",
                change,
                s.Following?.ToString("N0", CultureInfo.InvariantCulture) ?? "-",
                s.Posts?.ToString("N0", CultureInfo.InvariantCulture) ?? "-",
                s.EngagementRate?.ToString("P2", CultureInfo.InvariantCulture) ?? "-",
                TierClassifier.Classify(s.Followers, s.EngagementRate, watched.Band).ToWire(),
                string.Join(' ', QualityNames.Of(s.Quality)));
        }

        ansi.Write(table);
    }
}
