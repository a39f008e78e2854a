namespace Collector.Worker.Notifications;

/// <summary>Slack incoming webhook body: plain text (mrkdwn escaped).</summary>
internal sealed record SlackPayload(string Text);
