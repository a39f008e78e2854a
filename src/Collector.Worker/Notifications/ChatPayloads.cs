using System.Text.Json.Serialization;

namespace Collector.Worker.Notifications;

/// <summary>Slack incoming webhook body: plain text (mrkdwn escaped).</summary>
internal sealed record SlackPayload(string Text);

/// <summary>Discord webhook body; mentions disabled so a handle like "@everyone" cannot ping a channel.</summary>
internal sealed record DiscordPayload(
    string Content,
    [property: JsonPropertyName("allowed_mentions")] DiscordAllowedMentions AllowedMentions);

internal sealed record DiscordAllowedMentions(IReadOnlyList<string> Parse);
