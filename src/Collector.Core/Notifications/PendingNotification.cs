namespace Collector.Core.Notifications;

/// <summary>An outbox row leased for delivery.</summary>
/// <param name="Attempts">Failed attempts so far.</param>
public sealed record PendingNotification(long Id, string WebhookId, int Attempts, NotificationEvent Event);
