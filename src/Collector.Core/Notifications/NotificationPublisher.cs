namespace Collector.Core.Notifications;

/// <summary>
/// Queues events that are not written together with snapshots (platform health, raised by the worker) for every
/// subscribed webhook. Safe to call again with the same event id: it is queued once.
/// </summary>
public sealed class NotificationPublisher(INotificationOutbox outbox, NotificationRouting routing)
{
    public async Task PublishAsync(IReadOnlyList<NotificationEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var entries = events.SelectMany(routing.EntriesFor).ToList();
        if (entries.Count > 0)
        {
            await outbox.EnqueueAsync(entries, cancellationToken);
        }
    }
}
