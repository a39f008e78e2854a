using Collector.Core.Notifications;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Collector.Worker.Jobs;

/// <summary>
/// Drains the notification outbox every minute, so a webhook that failed is retried on its back-off instead of
/// waiting for the next collection round (which may be hours away). Rounds also dispatch right after they commit.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class NotificationJob(NotificationDispatcher dispatcher, ILogger<NotificationJob> logger) : IJob
{
    public static readonly JobKey Key = new("notifications", MaintenanceJobs.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await dispatcher.DispatchPendingAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The outbox keeps the messages; the next minute tries again.
            LogDispatchFailed(ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending pending notifications failed: {Error}")]
    private partial void LogDispatchFailed(string error);
}
