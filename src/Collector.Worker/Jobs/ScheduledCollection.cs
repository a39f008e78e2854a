using Collector.Core.Collection;
using Collector.Core.Scheduling;
using Collector.Core.Storage;
using Collector.Worker.Watchlists;
using Collector.Worker.Web;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Collector.Worker.Jobs;

/// <summary>
/// One scheduled round of a group: the group's accounts from the watchlist in force, those due per the database,
/// minus any another round is collecting, through the Core collection use case; then the group's next round is
/// planned. Cancellation (shutdown) flows into every request and statement; the storage layer writes each batch in
/// one transaction, so a cancelled round leaves whole batches or none.
/// </summary>
internal sealed partial class ScheduledCollection(
    WatchlistState watchlist,
    IStatusReader status,
    DueRule rule,
    InFlightAccounts inFlight,
    CollectionService collection,
    CollectionScheduler scheduler,
    PlatformActivity activity,
    CollectorMetrics metrics,
    RoundMemory memory,
    TimeProvider time,
    ILogger<ScheduledCollection> logger)
{
    public async Task RunAsync(CollectionGroup group, TriggerKey? firing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var accounts = group.AccountsIn(watchlist.Current);
        if (accounts.Count == 0)
        {
            return; // removed by a reload an instant ago; the reload deletes the job
        }

        try
        {
            var history = AttemptHistory.From(await status.GetStatesAsync(cancellationToken));
            using var claim = inFlight.Claim(rule.SelectDue(accounts, history, time.GetUtcNow()));
            if (claim.Busy > 0)
            {
                LogBusy(group.JobKey.Name, claim.Busy);
            }

            if (claim.Accounts.Count > 0)
            {
                LogRoundStarting(group.JobKey.Name, claim.Accounts.Count, accounts.Count);
                var report = await collection.CollectAsync(group.Platform, claim.Accounts, null, cancellationToken);
                activity.RoundCompleted(report, time.GetUtcNow());
                metrics.RoundCompleted(report);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogRoundCancelled(group.JobKey.Name);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not a platform failure (those are data in the report): the database or a bug. Keep the schedule alive.
            LogRoundFailed(ex, group.JobKey.Name);
            activity.RoundFailed(group.Platform, ex.Message, time.GetUtcNow());
            metrics.RoundFailed(group.Platform, accounts.Count);
        }

        memory.RoundEnded();
        await scheduler.ArmAsync(group, firing, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Group}: collecting {Due} of {Total} accounts")]
    private partial void LogRoundStarting(string group, int due, int total);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Group}: {Busy} due accounts are being collected by another round; leaving them to it")]
    private partial void LogBusy(string group, int busy);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Group}: round cancelled by shutdown; unwritten batches are collected after the restart")]
    private partial void LogRoundCancelled(string group);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Group}: round failed")]
    private partial void LogRoundFailed(Exception exception, string group);
}
