using System.CommandLine;
using System.Globalization;
using Collector.Core.Analytics;
using Collector.Core.Storage;
using Collector.Worker.Output;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Collector.Worker.Cli;

/// <summary><c>collector status [--json]</c>: one row per watched account.</summary>
internal static class StatusCommand
{
    /// <summary>What the table holds per watched account before it prints: its record, row and growth, and its cells.</summary>
    private const long BytesPerAccount = 2560;

    public static Command Create(GlobalOptions global, CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array instead of a table" };
        var command = new Command("status", "Show the latest known state of every watched account") { json };
        command.SetAction((result, token) => RunAsync(global, result, console, result.GetValue(json), token));
        return command;
    }

    private static async Task<int> RunAsync(GlobalOptions global, ParseResult result, CliConsole console, bool json, CancellationToken token)
    {
        var (session, exitCode) = await CommandSession.OpenAsync(global.Read(result), console, needsWatchlist: true, token);
        if (session is null)
        {
            return exitCode;
        }

        using (session)
        {
            var watchlist = session.Watchlist!;
            var reader = session.Services.GetRequiredService<IStatusReader>();
            var platforms = await session.Services.GetRequiredService<IPlatformStateStore>().GetAllAsync(token);
            var rows = new StatusRows(watchlist, platforms, session.Services.GetRequiredService<TimeProvider>().GetUtcNow());
            if (json)
            {
                // Rows are formatted as their records are read and the records dropped, so collections find little
                // alive; a region without them would only spread the burst over fresh memory.
                using var document = await StatusJsonDocument.ReadAsync(reader, rows, token);
                await WriteJsonAsync(console, document, token);
            }
            else
            {
                using (NoCollections.For(watchlist.Accounts.Count * BytesPerAccount))
                {
                    WriteTable(console, rows.Build(await reader.GetStatusAsync(token)));
                }
            }

            return ExitCodes.Success;
        }
    }

    /// <summary>As bytes straight to standard output when that is where Out goes.</summary>
    private static async Task WriteJsonAsync(CliConsole console, StatusJsonDocument document, CancellationToken token)
    {
        if (console.OutStream is { } stream)
        {
            // Whatever Out still buffers comes first.
            await console.Out.FlushAsync(token);
            await document.WriteAsync(stream, token);
        }
        else
        {
            await document.WriteAsync(console.Out, token);
        }
    }

    private static void WriteTable(CliConsole console, IReadOnlyList<StatusRow> rows)
    {
        var table = new Table().AddColumns(
            "account", "followers", "ER", "tier", "7 days", "band ETA", "last collected", "failures", "last error", "paused");
        foreach (var row in rows)
        {
            table.AddRow(
                Markup.Escape($"{row.Platform}:{row.Handle}"),
                row.Followers?.ToString("N0", CultureInfo.InvariantCulture) ?? "-",
                row.EngagementRate?.ToString("P2", CultureInfo.InvariantCulture) ?? "-",
                row.Tier,
                Markup.Escape(SevenDays(row.Growth)),
                row.Growth?.ProjectedBandEntry?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-",
                row.LastCollectedAt?.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) ?? "never",
                row.ConsecutiveFailures.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(row.LastError ?? string.Empty),
                Markup.Escape(Paused(row)));
        }

        TableConsole.For(console).Write(table);
    }

    private static string Paused(StatusRow row) => row.PauseReason is null
        ? string.Empty
        : $"until {row.PausedUntil?.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) ?? "next slot"}: {row.PauseReason}";

    private static string SevenDays(GrowthView? growth) =>
        growth?.Windows.FirstOrDefault(static w => w.Days == 7) is { Change: { } change, SpanDays: { } span } week
            ? GrowthText.Window(new GrowthWindow(7, week.From, TimeSpan.FromDays(span), change, week.Percent))
            : "-";
}
