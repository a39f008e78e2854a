using System.CommandLine;
using System.Globalization;

namespace Collector.Worker.Cli;

/// <summary><c>collector validate</c>: settings and watchlist, every problem as <c>FILE:LINE:COL: message</c>.</summary>
internal static class ValidateCommand
{
    public static Command Create(GlobalOptions global, CliConsole console)
    {
        var command = new Command("validate", "Check settings and the watchlist; print every problem");
        command.SetAction((result, token) => RunAsync(global, result, console, token));
        return command;
    }

    private static async Task<int> RunAsync(GlobalOptions global, ParseResult result, CliConsole console, CancellationToken token)
    {
        var (session, exitCode) = await CommandSession.OpenAsync(global.Read(result), console, needsWatchlist: true, token, needsDatabase: false);
        if (session is null)
        {
            return exitCode;
        }

        using (session)
        {
            var watchlist = session.Watchlist!;
            var perPlatform = watchlist.Accounts
                .GroupBy(static a => a.Platform)
                .Select(static g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Count()}"));
            await console.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{watchlist.Path}: OK, {watchlist.Accounts.Count} accounts ({string.Join(", ", perPlatform)})"));
            return ExitCodes.Success;
        }
    }
}
