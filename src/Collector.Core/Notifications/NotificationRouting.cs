namespace Collector.Core.Notifications;

/// <summary>Which webhooks get which events (from <c>Notifications:Webhooks</c>).</summary>
public sealed class NotificationRouting(IReadOnlyList<WebhookRoute> routes)
{
    public static NotificationRouting None { get; } = new([]);

    public IReadOnlyList<WebhookRoute> Routes { get; } = routes;

    public IReadOnlyList<string> WebhookIds { get; } = [.. routes.Select(static r => r.WebhookId).Distinct(StringComparer.Ordinal)];

    /// <summary>One outbox entry per webhook subscribed to the event's kind.</summary>
    public IReadOnlyList<OutboxEntry> EntriesFor(NotificationEvent notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return
        [
            .. Routes.Where(r => r.Events.Contains(notification.Kind))
                .Select(static r => r.WebhookId)
                .Distinct(StringComparer.Ordinal)
                .Select(id => new OutboxEntry(id, notification)),
        ];
    }
}
