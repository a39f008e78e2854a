using System.CommandLine;
using System.Globalization;
using Collector.Core.Storage;
using Collector.Storage.Housekeeping;
using Microsoft.Extensions.DependencyInjection;

namespace Collector.Worker.Cli;

/// <summary>
/// <c>collector housekeeping</c>: the worker's daily database maintenance run once now (retention, WAL checkpoint,
/// optimize); for a cron job or systemd timer when the worker does not run it. Safe next to a running worker.
/// </summary>
internal static class HousekeepingCommand
{
    public static Command Create(GlobalOptions global, CliConsole console)
    {
        var command = new Command("housekeeping", "Thin old snapshots (Storage:RetainRawDays), checkpoint the WAL and optimize the database");
        command.SetAction((result, token) => RunAsync(global, result, console, token));
        return command;
    }

    private static async Task<int> RunAsync(GlobalOptions global, ParseResult result, CliConsole console, CancellationToken token)
    {
        var (session, exitCode) = await CommandSession.OpenAsync(global.Read(result), console, needsWatchlist: false, token);
        if (session is null)
        {
            return exitCode;
        }

        using (session)
        {
            try
            {
                var report = await session.Services.GetRequiredService<DatabaseHousekeeping>().RunAsync(token);
                var retention = report.ThinnedBefore is { } before
                    ? string.Create(CultureInfo.InvariantCulture, $"{report.SnapshotsDeleted:N0} snapshots thinned from days before {before:yyyy-MM-dd}")
                    : "retention off (Storage:RetainRawDays not set), nothing thinned";
                var checkpoint = report.Checkpoint.Busy ? "WAL checkpoint deferred (database busy)" : "WAL checkpointed";
                await console.Out.WriteLineAsync($"housekeeping done: {retention}; {checkpoint}; optimized");
                return ExitCodes.Success;
            }
            catch (StorageException ex)
            {
                await console.Error.WriteLineAsync($"housekeeping failed: {ex.Message}");
                return ExitCodes.Failed;
            }
        }
    }
}
