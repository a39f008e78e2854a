namespace Collector.Worker.Web;

/// <summary>The body of <c>/healthz</c>.</summary>
/// <param name="Status"><c>ok</c>; <c>degraded</c> (serving, but the watchlist file is invalid or a platform keeps failing); <c>unhealthy</c> (503).</param>
internal sealed record HealthReport(
    string Status,
    DateTimeOffset CheckedAt,
    SchedulerHealth Scheduler,
    DatabaseHealth Database,
    WatchlistHealth Watchlist,
    IReadOnlyList<PlatformHealth> Platforms)
{
    public bool Serving => Scheduler.Running && Database.Writable;
}
