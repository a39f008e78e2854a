namespace Collector.Worker.Notifications;

/// <summary>The payload shapes a webhook can ask for.</summary>
internal static class WebhookFormats
{
    public const string Json = "json";
    public const string Slack = "slack";
    public const string Discord = "discord";

    public static IReadOnlyList<string> All { get; } = [Json, Slack, Discord];
}
