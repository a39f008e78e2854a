using Collector.Storage.Housekeeping;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Collector.Worker.Jobs;

/// <summary>Daily database upkeep: retention thinning (when configured), PRAGMA optimize, WAL checkpoint.</summary>
[DisallowConcurrentExecution]
internal sealed partial class HousekeepingJob(DatabaseHousekeeping housekeeping, ILogger<HousekeepingJob> logger) : IJob
{
    public static readonly JobKey Key = new("housekeeping", MaintenanceJobs.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await housekeeping.RunAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Upkeep can wait a day; a failure here must never stop the scheduler.
            LogHousekeepingFailed(ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database housekeeping failed: {Error}")]
    private partial void LogHousekeepingFailed(string error);
}
