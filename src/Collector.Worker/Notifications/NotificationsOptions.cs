namespace Collector.Worker.Notifications;

/// <summary>Section <c>Notifications</c>: where events are sent.</summary>
internal sealed class NotificationsOptions
{
    public const string Section = "Notifications";

    public List<WebhookOptions> Webhooks { get; set; } = [];
}
