using System.Globalization;
using Collector.Core.Platforms;
using Collector.Core.Scheduling;
using Collector.Core.Storage;
using Collector.Worker.Watchlists;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Collector.Worker.Jobs;

/// <summary>
/// Keeps Quartz in step with the watchlist in force: one durable job per <see cref="CollectionGroup"/>, each with a
/// single one-off trigger at the group's next round as <see cref="DueRule"/> computes it from the database. Quartz
/// does the waking, the no-overlap guarantee and the graceful stop; when work is due comes from our own records, so
/// the in-memory job store can be rebuilt from scratch at every start.
/// </summary>
internal sealed partial class CollectionScheduler(
    ISchedulerFactory schedulers,
    WatchlistState watchlist,
    IStatusReader status,
    DueRule rule,
    InFlightAccounts inFlight,
    IEnumerable<IPlatformClient> clients,
    TimeProvider time,
    ILogger<CollectionScheduler> logger) : IDisposable
{
    /// <summary>How soon a group is looked at again when the database could not be read to plan it.</summary>
    public static readonly TimeSpan RetryAfterError = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A group's next round starts at least this long after its previous one ended. An account still due right
    /// after its round left no trace in the database (the round failed before writing it), and would otherwise be
    /// retried in a tight loop.
    /// </summary>
    public static readonly TimeSpan RoundGap = TimeSpan.FromMinutes(1);

    /// <summary>How soon a group is looked at again while another round holds one of its accounts.</summary>
    public static readonly TimeSpan BusyRecheck = TimeSpan.FromMinutes(1);

    // One planner at a time: the job re-arming its group must not interleave with a reload re-arming all groups.
    private readonly SemaphoreSlim _lock = new(1, 1);

    // Only IsConfigured is read. Settings are not reloaded, so this holds for the life of the process.
    private readonly Dictionary<string, bool> _configured = clients.ToDictionary(static c => c.Platform, static c => c.IsConfigured, StringComparer.Ordinal);
    private long _triggerSequence;

    /// <summary>Adds the jobs of new groups, deletes those of vanished ones and re-plans every group.</summary>
    public async Task SyncAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            var groups = Runnable(CollectionGroup.All(watchlist.Current));
            var wanted = groups.Select(static g => g.JobKey).ToHashSet();
            var existing = await scheduler.QueryJobs(new JobQuery { Group = GroupMatcher<JobKey>.GroupEquals(CollectionGroup.JobGroup), Take = PagedQuery.All }, cancellationToken);
            foreach (var job in existing.Items.Where(j => !wanted.Contains(j.Key)))
            {
                // A round already running finishes with the accounts it claimed; nothing new starts.
                await scheduler.DeleteJob(job.Key, cancellationToken);
                LogGroupRemoved(job.Key.Name);
            }

            var known = existing.Items.Select(static j => j.Key).ToHashSet();
            var history = await ReadHistoryAsync(cancellationToken);
            foreach (var group in groups)
            {
                if (!known.Contains(group.JobKey))
                {
                    await scheduler.AddJob(group.CreateJob(), new AddJobOptions { Replace = true }, cancellationToken);
                }

                await PlanAsync(scheduler, group, history, firing: null, notBefore: null, cancellationToken);
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Plans the group's next round after one ended; <paramref name="firing"/> is the trigger that ran it.</summary>
    public async Task ArmAsync(CollectionGroup group, TriggerKey? firing, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            if (await scheduler.GetJobDetail(group.JobKey, cancellationToken) is null)
            {
                return; // the group left the watchlist while its round ran
            }

            await PlanAsync(scheduler, group, await ReadHistoryAsync(cancellationToken), firing, time.GetUtcNow() + RoundGap, cancellationToken);
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task PlanAsync(
        IScheduler scheduler,
        CollectionGroup group,
        AttemptHistory? history,
        TriggerKey? firing,
        DateTimeOffset? notBefore,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var at = history is null ? now + RetryAfterError : NextRound(group, history, now);
        if (at < notBefore)
        {
            at = notBefore;
        }

        // The trigger that is firing completes on its own; every other plan is replaced, so a group never holds more
        // than one however often reloads and rounds re-plan it. Triggers that are not plans (a TriggerJob) stay: they
        // run after the current round, find nothing due unless something is, and end.
        var pending = await scheduler.QueryTriggers(
            new TriggerQuery { Job = group.JobKey, Group = GroupMatcher<TriggerKey>.GroupEquals(CollectionGroup.JobGroup), Take = PagedQuery.All },
            cancellationToken);
        var stale = pending.Items.Select(static t => t.Key).Where(k => !k.Equals(firing)).ToList();
        if (stale.Count > 0)
        {
            await scheduler.UnscheduleJobs(stale, cancellationToken);
        }

        if (at is not { } start)
        {
            LogNeverDue(group.JobKey.Name);
            return;
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"{group.JobKey.Name} #{Interlocked.Increment(ref _triggerSequence)}");
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity(name, CollectionGroup.JobGroup)
            .ForJob(group.JobKey)
            .StartAt(start)
            .Build();
        await scheduler.ScheduleJob(trigger, cancellationToken: cancellationToken);
        LogPlanned(group.JobKey.Name, start);
    }

    /// <summary>
    /// Groups of platforms that cannot collect (no client, or no credential) get no job: their rounds would skip every
    /// account without recording an attempt, so they would be due again at once. Health shows them unconfigured.
    /// </summary>
    private List<CollectionGroup> Runnable(IReadOnlyList<CollectionGroup> groups)
    {
        var counts = watchlist.Current.CountByPlatform();
        foreach (var platform in groups.Select(static g => g.Platform).Distinct().Where(p => !_configured.GetValueOrDefault(p)))
        {
            LogNotScheduled(counts.GetValueOrDefault(platform), platform, _configured.ContainsKey(platform) ? "the platform is not configured (missing credential)" : "no client for this platform");
        }

        return [.. groups.Where(g => _configured.GetValueOrDefault(g.Platform))];
    }

    private DateTimeOffset? NextRound(CollectionGroup group, AttemptHistory history, DateTimeOffset now)
    {
        var accounts = group.AccountsIn(watchlist.Current);
        var idle = accounts.Where(a => !inFlight.IsBusy(a)).ToList();
        var next = rule.NextRound(idle, history, now);
        if (idle.Count < accounts.Count && (next is null || next > now + BusyRecheck))
        {
            // An account claimed by another group's round (it moved schedule mid-round) is planned again shortly,
            // when that round has written its attempt.
            next = now + BusyRecheck;
        }

        return next;
    }

    private async Task<AttemptHistory?> ReadHistoryAsync(CancellationToken cancellationToken)
    {
        try
        {
            return AttemptHistory.From(await status.GetStatesAsync(cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogHistoryUnreadable(ex, RetryAfterError);
            return null;
        }
    }

    public void Dispose() => _lock.Dispose();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Next round of {Group} at {At}")]
    private partial void LogPlanned(string group, DateTimeOffset at);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped scheduling {Group}: no account in the watchlist has that schedule any more")]
    private partial void LogGroupRemoved(string group);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not scheduling {Count} {Platform} accounts: {Reason}")]
    private partial void LogNotScheduled(int count, string platform, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Group} is never due again (its cron expression names no future instant)")]
    private partial void LogNeverDue(string group);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not read collection history from the database; planning again in {RetryIn}")]
    private partial void LogHistoryUnreadable(Exception exception, TimeSpan retryIn);
}
