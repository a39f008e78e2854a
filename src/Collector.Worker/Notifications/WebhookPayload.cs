using Collector.Core.Notifications;

namespace Collector.Worker.Notifications;

/// <summary>The documented <c>json</c> payload (README "Notifications"). Fields that do not apply are null.</summary>
internal sealed record WebhookPayload(
    int Version,
    string Id,
    string Event,
    DateTimeOffset At,
    string? Platform,
    string? Handle,
    string? PlatformId,
    string? From,
    string? To,
    long? Followers,
    double? EngagementRate,
    NotificationBand? Band,
    NotificationSpike? Spike,
    string? Detail,
    string Text);
