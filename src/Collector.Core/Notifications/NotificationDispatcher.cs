using Microsoft.Extensions.Logging;

namespace Collector.Core.Notifications;

/// <summary>
/// Sends due outbox rows to their webhooks and records each outcome: delivered, retried later with back-off, or
/// given up. Rows are leased first, so a CLI <c>collect</c> and the worker dispatching at the same moment never send
/// the same row twice; a lease left by a process that died mid-send expires and the row is tried again (at least
/// once; receivers can drop the rare repeat by the event id).
/// </summary>
public sealed partial class NotificationDispatcher(
    INotificationOutbox outbox,
    IWebhookSender sender,
    NotificationRouting routing,
    TimeProvider time,
    ILogger<NotificationDispatcher> logger)
{
    /// <summary>Longer than any send (10 s timeout) with margin; short enough that a dead process delays little.</summary>
    public static TimeSpan Lease { get; } = TimeSpan.FromMinutes(2);

    private const int PageSize = 50;

    /// <summary>One pass over everything due now. The scheduled worker calls this every minute or so.</summary>
    public async Task<DispatchReport> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        if (routing.WebhookIds.Count == 0)
        {
            return DispatchReport.Nothing;
        }

        int delivered = 0, retrying = 0, givenUp = 0;
        while (true)
        {
            var now = time.GetUtcNow();
            var page = await outbox.LeaseDueAsync(now, now + Lease, routing.WebhookIds, PageSize, cancellationToken);
            foreach (var row in page)
            {
                switch (await DeliverAsync(row, cancellationToken))
                {
                    case true: delivered++; break;
                    case false: retrying++; break;
                    case null: givenUp++; break;
                }
            }

            // A failed row is not due again in this pass (its next attempt is in the future), so this ends.
            if (page.Count < PageSize)
            {
                return new DispatchReport(delivered, retrying, givenUp);
            }
        }
    }

    /// <returns>True delivered, false to be retried, null given up.</returns>
    private async Task<bool?> DeliverAsync(PendingNotification row, CancellationToken cancellationToken)
    {
        var result = await sender.SendAsync(row.WebhookId, row.Event, cancellationToken);
        var at = time.GetUtcNow();
        if (result.Delivered)
        {
            await outbox.MarkDeliveredAsync(row.Id, at, cancellationToken);
            LogDelivered(row.Event.Kind, row.Event.Id, row.WebhookId);
            return true;
        }

        var attempts = row.Attempts + 1;
        var error = result.Error ?? "unknown error";
        var delay = result.Retryable ? RetrySchedule.DelayAfter(attempts) : null;
        await outbox.MarkFailedAsync(row.Id, attempts, at, at + delay, error, cancellationToken);
        if (delay is { } wait)
        {
            LogRetrying(row.Event.Kind, row.Event.Id, row.WebhookId, attempts, error, wait);
            return false;
        }

        LogGivenUp(row.Event.Kind, row.Event.Id, row.WebhookId, attempts, error);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivered {Kind} notification {EventId} to webhook {WebhookId}")]
    private partial void LogDelivered(string kind, string eventId, string webhookId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering {Kind} notification {EventId} to webhook {WebhookId} failed (attempt {Attempts}): {Error}; retrying in {Delay}")]
    private partial void LogRetrying(string kind, string eventId, string webhookId, int attempts, string error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up delivering {Kind} notification {EventId} to webhook {WebhookId} after {Attempts} attempts: {Error}")]
    private partial void LogGivenUp(string kind, string eventId, string webhookId, int attempts, string error);
}
