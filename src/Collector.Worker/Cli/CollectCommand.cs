using System.CommandLine;
using Collector.Core.Collection;
using Collector.Core.Notifications;
using Collector.Core.Storage;
using Collector.Core.Watchlist;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Collector.Worker.Cli;

/// <summary><c>collector collect [--platform P] [--account P:HANDLE]</c>: one pass now, whatever the schedule.</summary>
internal static class CollectCommand
{
    public static Command Create(GlobalOptions global, CliConsole console)
    {
        var platform = new Option<string?>("--platform") { Description = "Only this platform (bluesky, mastodon, x, youtube)" };
        var account = new Option<string[]>("--account") { Description = "Only this account, as PLATFORM:HANDLE (repeatable)" };
        var command = new Command("collect", "Collect the watchlist's accounts once, now") { platform, account };
        command.SetAction((result, token) => RunAsync(
            global, result, console, result.GetValue(platform), result.GetValue(account) ?? [], token));
        return command;
    }

    private static async Task<int> RunAsync(
        GlobalOptions global, ParseResult result, CliConsole console, string? platform, string[] accountArgs, CancellationToken token)
    {
        var (session, exitCode) = await CommandSession.OpenAsync(global.Read(result), console, needsWatchlist: true, token);
        if (session is null)
        {
            return exitCode;
        }

        using (session)
        {
            var (accounts, problems) = AccountSelector.Select(session.Watchlist!, platform, accountArgs);
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await console.Error.WriteLineAsync(problem);
                }

                return ExitCodes.UsageOrConfiguration;
            }

            var service = session.Services.GetRequiredService<CollectionService>();
            IReadOnlyList<CollectionReport> reports;
            try
            {
                reports = await CollectWithProgressAsync(service, accounts, console, token);
            }
            catch (StorageException ex)
            {
                // The database, not an account, failed: the round stopped; what was committed before stays.
                await console.Error.WriteLineAsync($"collect stopped: {ex.Message}");
                await console.Error.WriteLineAsync("batches saved before the failure are kept; fix the cause and run collect again");
                return ExitCodes.Failed;
            }

            CollectSummary.Write(console, reports);

            // The snapshots and their events are committed; what they announce goes out now (or stays queued).
            await session.Services.GetRequiredService<NotificationDispatcher>().DispatchPendingAsync(token);
            return reports.Any(static r => r.Failed > 0 || r.Deferred > 0) ? ExitCodes.SomeAccountsFailed : ExitCodes.Success;
        }
    }

    private static async Task<IReadOnlyList<CollectionReport>> CollectWithProgressAsync(
        CollectionService service, IReadOnlyList<WatchedAccount> accounts, CliConsole console, CancellationToken token)
    {
        var byPlatform = accounts.GroupBy(static a => a.Platform).ToList();
        if (!console.Interactive)
        {
            // Platforms are independent APIs: collect them side by side.
            return await Task.WhenAll(byPlatform.Select(g => service.CollectAsync(g.Key, [.. g], null, token)));
        }

        IReadOnlyList<CollectionReport> reports = [];
        await console.Ansi().Progress().StartAsync(async context =>
        {
            reports = await Task.WhenAll(byPlatform.Select(g =>
            {
                var task = context.AddTask(g.Key, maxValue: g.Count());
                var progress = new Progress<CollectionProgress>(p => task.Value = p.Done);
                return service.CollectAsync(g.Key, [.. g], progress, token);
            }));
        });
        return reports;
    }
}
