namespace Collector.Core.Notifications;

/// <summary>A configured webhook by identity, and the event kinds it subscribes to.</summary>
public sealed record WebhookRoute(string WebhookId, IReadOnlySet<string> Events);
