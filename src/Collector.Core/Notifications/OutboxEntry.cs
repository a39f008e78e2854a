namespace Collector.Core.Notifications;

/// <summary>One event to deliver to one webhook, identified by <see cref="WebhookId"/> (never by its URL).</summary>
public sealed record OutboxEntry(string WebhookId, NotificationEvent Event);
