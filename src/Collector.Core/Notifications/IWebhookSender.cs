namespace Collector.Core.Notifications;

/// <summary>Delivers one event to one configured webhook. The URL stays inside the implementation.</summary>
public interface IWebhookSender
{
    Task<WebhookSendResult> SendAsync(string webhookId, NotificationEvent notification, CancellationToken cancellationToken);
}
