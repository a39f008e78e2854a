using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Collector.Core.Analytics;
using Collector.Core.Bands;
using Collector.Core.Notifications;
using Collector.Worker.Output;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Collector.Worker.Cli;

/// <summary>
/// <c>collector flags [--since DATE] [--json] [--spikes]</c>: band crossings, newest first. The table also lists
/// follower spikes (an analyst should see them before trusting a crossing); <c>--json</c> keeps to the SPEC kinds
/// (entered, left) unless <c>--spikes</c> asks for spike rows too.
/// </summary>
internal static class FlagsCommand
{
    public static Command Create(GlobalOptions global, CliConsole console)
    {
        var since = SinceOption.Create();
        var json = new Option<bool>("--json") { Description = "Print a JSON array of crossings (SPEC fields)" };
        var spikes = new Option<bool>("--spikes") { Description = "With --json, include follower spikes (kind \"spike\")" };
        var command = new Command("flags", "Show band crossings (and follower spikes), newest first") { since, json, spikes };
        command.SetAction((result, token) => RunAsync(
            global, result, console, result.GetValue(since), result.GetValue(json), result.GetValue(spikes), token));
        return command;
    }

    private static async Task<int> RunAsync(
        GlobalOptions global, ParseResult result, CliConsole console, string? sinceText, bool json, bool spikes, CancellationToken token)
    {
        var (session, exitCode) = await CommandSession.OpenAsync(global.Read(result), console, needsWatchlist: false, token);
        if (session is null)
        {
            return exitCode;
        }

        using (session)
        {
            var now = session.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            if (!SinceOption.TryParse(sinceText, now, out var since, out var error))
            {
                await console.Error.WriteLineAsync(error);
                return ExitCodes.UsageOrConfiguration;
            }

            var events = await session.Services.GetRequiredService<IAccountEventReader>().GetEventsAsync(since, token);
            if (json)
            {
                var rows = events.Where(e => spikes || e.Event.Kind != EventKinds.Spike).Select(Row).ToList();
                await console.Out.WriteLineAsync(JsonSerializer.Serialize<IReadOnlyList<FlagRow>>(rows, CliJsonContext.Default.IReadOnlyListFlagRow));
            }
            else
            {
                WriteTable(console, events);
            }

            return ExitCodes.Success;
        }
    }

    internal static FlagRow Row(AccountEventRecord record)
    {
        var e = record.Event;
        var spike = e.Spike is { } s
            ? new FlagSpike(s.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.Change, s.Expected, s.Threshold)
            : null;
        return new FlagRow(record.Platform, record.Handle, e.Kind, e.From?.ToWire(), e.To?.ToWire(), e.Followers, e.EngagementRate, e.At, record.PlatformId, spike);
    }

    private static void WriteTable(CliConsole console, IReadOnlyList<AccountEventRecord> events)
    {
        if (events.Count == 0)
        {
            console.Out.WriteLine("No band crossings or spikes recorded (yet).");
            return;
        }

        var table = new Table().AddColumns("at", "account", "kind", "tiers", "followers", "ER", "note");
        foreach (var record in events)
        {
            var e = record.Event;
            table.AddRow(
                e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture),
                Markup.Escape($"{record.Platform}:{record.Handle}"),
                e.Kind,
                e.From is { } from && e.To is { } to ? $"{from.ToWire()} → {to.ToWire()}" : "-",
                e.Followers?.ToString("N0", CultureInfo.InvariantCulture) ?? "-",
                e.EngagementRate?.ToString("P2", CultureInfo.InvariantCulture) ?? "-",
                Markup.Escape(Note(e)));
        }

        TableConsole.For(console).Write(table);
    }

    private static string Note(AccountEvent e) => e.Spike is { } s
        ? string.Create(CultureInfo.InvariantCulture, $"{s.Change:+#,0} in a day; usual {s.Expected:+#,0;-#,0;0}/day, threshold {s.Threshold:+#,0}")
        : string.Create(CultureInfo.InvariantCulture, $"band {e.Band.MinFollowers:#,0}–{e.Band.MaxFollowers:#,0}, ER ≥ {e.Band.MinEngagementRate:0.##%}, confirmed by {e.Band.ConfirmSnapshots}");
}
