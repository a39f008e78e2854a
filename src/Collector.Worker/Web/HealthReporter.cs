using Collector.Core.Platforms;
using Collector.Core.Storage;
using Collector.Core.Watchlist;
using Collector.Platforms.Http;
using Collector.Worker.Jobs;
using Collector.Worker.Watchlists;
using Quartz;

namespace Collector.Worker.Web;

/// <summary>
/// Builds <c>/healthz</c>: 503 ("unhealthy") when the scheduler is not running or the database cannot be written,
/// since then nothing will be collected; otherwise 200, "degraded" when the watchlist file was rejected or a platform
/// keeps failing, so a probe restarts only what a restart can fix.
/// </summary>
internal sealed class HealthReporter(
    ISchedulerFactory schedulers,
    Storage.Health.DatabaseHealth database,
    IStatusReader status,
    IPlatformStateStore platformStates,
    WatchlistState watchlist,
    PlatformActivity activity,
    IEnumerable<IPlatformClient> clients,
    IEnumerable<IQuotaStatusSource> quotas,
    TimeProvider time,
    RateLimitGate? gate = null)
{
    /// <summary>Rounds in a row without a success after which a platform makes the report "degraded".</summary>
    public const int FailingRounds = 3;

    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var scheduler = await SchedulerAsync(cancellationToken);
        var check = await database.CheckWritableAsync(cancellationToken);
        var writeProblem = check.IsWritable ? null : check.Problem ?? check.Kind?.ToString();
        var snapshot = watchlist.Read();
        var platforms = Platforms(
            snapshot.Document, await ReadStatesAsync(cancellationToken), await ReadPausesAsync(cancellationToken));

        var serving = scheduler.Running && writeProblem is null;
        var degraded = !snapshot.FileIsValid
            || platforms.Any(static p => p.ConsecutiveFailures >= FailingRounds || p.Pause is not null);
        return new HealthReport(
            !serving ? "unhealthy" : degraded ? "degraded" : "ok",
            time.GetUtcNow(),
            scheduler,
            new DatabaseHealth(writeProblem is null, writeProblem),
            new WatchlistHealth(
                snapshot.FileIsValid,
                snapshot.Document.Path,
                snapshot.Document.Accounts.Count,
                snapshot.LoadedAt,
                snapshot.RejectedAt,
                [.. snapshot.Problems.Select(static p => p.ToString())]),
            platforms);
    }

    private async Task<SchedulerHealth> SchedulerAsync(CancellationToken cancellationToken)
    {
        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            return new SchedulerHealth(scheduler.Status == SchedulerStatus.Running, scheduler.Status.ToString());
        }
        catch (SchedulerException ex)
        {
            return new SchedulerHealth(false, ex.Message);
        }
    }

    /// <summary>Last successes are best effort: a database that cannot be read is already reported above.</summary>
    private async Task<IReadOnlyList<WatchEntryState>> ReadStatesAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await status.GetStatesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or InvalidOperationException)
        {
            return [];
        }
    }

    /// <summary>Platform pauses are best effort too, for the same reason.</summary>
    private async Task<IReadOnlyDictionary<string, PlatformStateRecord>> ReadPausesAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await platformStates.GetAllAsync(cancellationToken)).ToDictionary(static s => s.Platform, StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or InvalidOperationException)
        {
            return new Dictionary<string, PlatformStateRecord>();
        }
    }

    private IReadOnlyList<PlatformHealth> Platforms(
        WatchlistDocument watchlist,
        IReadOnlyList<WatchEntryState> states,
        IReadOnlyDictionary<string, PlatformStateRecord> pauses)
    {
        // Only IsConfigured is read: no request goes through these clients.
        var configured = clients.ToDictionary(static c => c.Platform, static c => c.IsConfigured, StringComparer.Ordinal);
        var watched = watchlist.Accounts.Select(static a => (a.Platform, a.Key)).ToHashSet();
        var counts = watched.CountBy(static a => a.Platform).ToDictionary(StringComparer.Ordinal);
        var lastSuccess = states
            .Where(s => s.State.LastSuccessAt is not null && watched.Contains((s.Platform, s.WatchKey)))
            .GroupBy(static s => s.Platform)
            .ToDictionary(static g => g.Key, static g => g.Max(static s => s.State.LastSuccessAt!.Value), StringComparer.Ordinal);
        var gates = gate?.Snapshot() ?? [];
        var quota = quotas.SelectMany(static q => q.Read()).ToDictionary(static q => q.Platform, StringComparer.Ordinal);

        return
        [
            .. PlatformKeys.All
                .Where(p => configured.ContainsKey(p) || counts.ContainsKey(p))
                .Select(p =>
                {
                    var rounds = activity.For(p);
                    return new PlatformHealth(
                        p,
                        configured.GetValueOrDefault(p),
                        counts.GetValueOrDefault(p),
                        lastSuccess.TryGetValue(p, out var at) ? at : null,
                        rounds.ConsecutiveFailures,
                        rounds.LastError,
                        [.. gates.Where(g => g.Key.StartsWith(p + ":", StringComparison.Ordinal))
                            .Select(static g => new RateLimitHealth(g.Key, g.Limit, g.Remaining, g.ResetAt, g.PausedUntil))],
                        quota.TryGetValue(p, out var q) ? new QuotaHealth(q.Used, q.Limit, q.ResetsAt) : null,
                        pauses.TryGetValue(p, out var pause)
                            ? new PlatformPause(pause.Reason, pause.Message, pause.Since, pause.Until, pause.ConsecutiveFailures)
                            : null);
                }),
        ];
    }
}
