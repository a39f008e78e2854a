using System.Text.Json.Serialization;

namespace Collector.Worker.Notifications;

/// <summary>Discord webhook body; mentions disabled so a handle like "@everyone" cannot ping a channel.</summary>
internal sealed record DiscordPayload(
    string Content,
    [property: JsonPropertyName("allowed_mentions")] DiscordAllowedMentions AllowedMentions);
