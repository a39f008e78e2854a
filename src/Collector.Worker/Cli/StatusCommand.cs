using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Collector.Core.Storage;
using Collector.Worker.Output;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Collector.Worker.Cli;

/// <summary><c>collector status [--json]</c>: one row per watched account.</summary>
internal static class StatusCommand
{
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
            var records = await session.Services.GetRequiredService<IStatusReader>().GetStatusAsync(token);
            var rows = StatusBuilder.Build(session.Watchlist!, records);
            if (json)
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(rows, CliJsonContext.Default.IReadOnlyListStatusRow));
            }
            else
            {
                WriteTable(console, rows);
            }

            return ExitCodes.Success;
        }
    }

    private static void WriteTable(CliConsole console, IReadOnlyList<StatusRow> rows)
    {
        var table = new Table().AddColumns("account", "followers", "ER", "tier", "last collected", "failures", "last error");
        foreach (var row in rows)
        {
            table.AddRow(
                Markup.Escape($"{row.Platform}:{row.Handle}"),
                row.Followers?.ToString("N0", CultureInfo.InvariantCulture) ?? "-",
                row.EngagementRate?.ToString("P2", CultureInfo.InvariantCulture) ?? "-",
                row.Tier,
                row.LastCollectedAt?.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) ?? "never",
                row.ConsecutiveFailures.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(row.LastError ?? string.Empty));
        }

        console.Ansi().Write(table);
    }
}
