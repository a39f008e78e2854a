using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Collector.Core.Analytics;
using Collector.Worker.Output;
using Microsoft.Extensions.DependencyInjection;

namespace Collector.Worker.Cli;

/// <summary>
/// <c>collector export [--format csv|jsonl] [--since DATE] [--out FILE]</c>: every snapshot, streamed row by row
/// (constant memory however large the database). With --out the file appears only when complete.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(GlobalOptions global, CliConsole console)
    {
        var format = new Option<string>("--format") { Description = "csv (default) or jsonl", DefaultValueFactory = static _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "jsonl");
        var since = SinceOption.Create();
        var output = new Option<string?>("--out") { Description = "Write to this file instead of standard output" };
        var command = new Command("export", "Export all snapshots as CSV or JSON Lines") { format, since, output };
        command.SetAction((result, token) => RunAsync(
            global, result, console, result.GetValue(format)!, result.GetValue(since), result.GetValue(output), token));
        return command;
    }

    private static async Task<int> RunAsync(
        GlobalOptions global, ParseResult result, CliConsole console, string format, string? sinceText, string? output, CancellationToken token)
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

            var rows = session.Services.GetRequiredService<ISnapshotExportReader>().ReadAsync(since, token);
            if (output is null)
            {
                await WriteAsync(console.Out, format, rows, token);
                return ExitCodes.Success;
            }

            // Written beside the target and renamed at the end: a reader never sees half a file.
            var partial = output + ".partial";
            try
            {
                long count;
                await using (var writer = new StreamWriter(partial, append: false, new UTF8Encoding(false)))
                {
                    count = await WriteAsync(writer, format, rows, token);
                }

                File.Move(partial, output, overwrite: true);
                await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"exported {count} snapshots to {output}"));
                return ExitCodes.Success;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                File.Delete(partial);
                await console.Error.WriteLineAsync($"export: cannot write {output}: {ex.Message}");
                return ExitCodes.UsageOrConfiguration;
            }
        }
    }

    private static async Task<long> WriteAsync(TextWriter writer, string format, IAsyncEnumerable<ExportRow> rows, CancellationToken token)
    {
        var csv = format == "csv";
        if (csv)
        {
            await writer.WriteLineAsync(SnapshotCsv.Header);
        }

        long count = 0;
        await foreach (var row in rows.WithCancellation(token))
        {
            await writer.WriteLineAsync(csv ? SnapshotCsv.Line(row) : JsonLine(row));
            count++;
        }

        await writer.FlushAsync(token);
        return count;
    }

    private static string JsonLine(ExportRow row)
    {
        var s = row.Snapshot;
        var line = new ExportLine(
            row.Platform, row.Handle, row.PlatformId, s.CollectedAt, s.Followers, s.Following, s.Posts, s.EngagementRate,
            s.PostsSampled, s.AvgLikes, s.AvgReplies, s.AvgReposts, s.AvgQuotes, s.AvgViews, QualityNames.Of(s.Quality));
        return JsonSerializer.Serialize(line, ExportJsonContext.Default.ExportLine);
    }
}
