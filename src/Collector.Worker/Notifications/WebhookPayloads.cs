using System.Text.Json;
using Collector.Core.Notifications;

namespace Collector.Worker.Notifications;

/// <summary>Renders an event in a webhook's format.</summary>
internal static class WebhookPayloads
{
    /// <summary>Discord rejects content over 2000 characters.</summary>
    private const int DiscordMaxContent = 2000;

    public static string Render(string format, NotificationEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var text = WebhookMessage.Describe(e);
        return format switch
        {
            WebhookFormats.Slack => JsonSerializer.Serialize(new SlackPayload(EscapeSlack(text)), WebhookJsonContext.Default.SlackPayload),
            WebhookFormats.Discord => JsonSerializer.Serialize(
                new DiscordPayload(text.Length > DiscordMaxContent ? text[..DiscordMaxContent] : text, new DiscordAllowedMentions([])),
                WebhookJsonContext.Default.DiscordPayload),
            _ => JsonSerializer.Serialize(
                new WebhookPayload(
                    1, e.Id, e.Kind, e.At, e.Platform, e.Handle, e.PlatformId, e.From, e.To, e.Followers, e.EngagementRate,
                    e.Band, e.Spike, e.Detail, text),
                WebhookJsonContext.Default.WebhookPayload),
        };
    }

    // Slack reads <...> as links and mentions (<!channel>); its docs ask for exactly these three escapes.
    private static string EscapeSlack(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
}
