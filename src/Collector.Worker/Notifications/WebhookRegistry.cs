using Collector.Core.Notifications;
using Microsoft.Extensions.Options;

namespace Collector.Worker.Notifications;

/// <summary>The configured webhooks by identity, and the routing of event kinds to them.</summary>
internal sealed class WebhookRegistry
{
    private readonly Dictionary<string, ConfiguredWebhook> _byId = new(StringComparer.Ordinal);

    public WebhookRegistry(IOptions<NotificationsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var entry in options.Value.Webhooks)
        {
            // Invalid entries are reported by the options validator at startup; nothing is sent to them.
            if (!WebhookIdentity.TryParseUrl(entry.Url, out var url))
            {
                continue;
            }

            var events = entry.Events.Count == 0 ? EventKinds.All : entry.Events;
            var webhook = new ConfiguredWebhook(
                WebhookIdentity.Of(url, entry.Format), url, entry.Format, events.ToHashSet(StringComparer.Ordinal));
            _byId.TryAdd(webhook.Id, webhook);
        }

        Routing = new NotificationRouting([.. _byId.Values.Select(static w => new WebhookRoute(w.Id, w.Events))]);
    }

    public NotificationRouting Routing { get; }

    public ConfiguredWebhook? Find(string id) => _byId.GetValueOrDefault(id);
}
