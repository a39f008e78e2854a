using Microsoft.Extensions.Hosting;

namespace Collector.Worker.Jobs;

/// <summary>
/// Builds the schedule at start, before Quartz starts firing (its hosted service waits for the application to have
/// started): every group's first round comes from the database, so overdue accounts go at once and fresh ones wait.
/// </summary>
internal sealed class ScheduleBootstrap(CollectionScheduler scheduler) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => scheduler.SyncAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
