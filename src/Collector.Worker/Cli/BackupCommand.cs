using System.CommandLine;
using System.Globalization;
using Collector.Core.Storage;
using Collector.Storage.Backup;
using Microsoft.Extensions.DependencyInjection;

namespace Collector.Worker.Cli;

/// <summary><c>collector backup FILE [--force]</c>: a consistent, verified copy of the database, safe while the worker runs.</summary>
internal static class BackupCommand
{
    public static Command Create(GlobalOptions global, CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "The backup file to write (must not exist, unless --force)" };
        var force = new Option<bool>("--force") { Description = "Replace FILE if it exists" };
        var command = new Command("backup", "Copy the database to FILE consistently, even while the worker writes, and verify the copy")
        {
            file,
            force,
        };
        command.SetAction((result, token) => RunAsync(global, result, console, result.GetValue(file)!, result.GetValue(force), token));
        return command;
    }

    private static async Task<int> RunAsync(
        GlobalOptions global, ParseResult result, CliConsole console, string file, bool force, CancellationToken token)
    {
        // No watchlist needed, and no migration: a backup copies the file as it is.
        var (session, exitCode) = await CommandSession.OpenAsync(
            global.Read(result), console, needsWatchlist: false, token, needsDatabase: false);
        if (session is null)
        {
            return exitCode;
        }

        using (session)
        {
            var backup = session.Services.GetRequiredService<DatabaseBackup>();
            if (backup.CheckTarget(file, force) is { } problem)
            {
                await console.Error.WriteLineAsync(problem);
                return ExitCodes.UsageOrConfiguration;
            }

            try
            {
                var done = await backup.BackupAsync(file, force, token);
                var snapshots = done.Snapshots is { } count ? count.ToString("N0", CultureInfo.InvariantCulture) : "no";
                await console.Out.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"backup written to {done.Path}: {done.Bytes:N0} bytes, {snapshots} snapshots, integrity check ok"));
                return ExitCodes.Success;
            }
            catch (Exception ex) when (ex is StorageException or Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
            {
                await console.Error.WriteLineAsync($"backup failed, nothing was written to {file}: {ex.Message}");
                return ExitCodes.Failed;
            }
        }
    }
}
