namespace Collector.Core.Notifications;

/// <summary>
/// One thing worth telling people about, in a form every webhook format is rendered from. Account events fill the
/// account fields; platform health events (<c>platform_unhealthy</c>, <c>platform_recovered</c>) fill
/// <see cref="Platform"/> and <see cref="Detail"/>. Holds no secret: it is stored in the outbox as is.
/// </summary>
/// <param name="Id">Stable identity of the event: the outbox delivers each id once per webhook, and receivers can
/// use it to drop a repeat (a crash after the receiver's answer but before it was recorded).</param>
public sealed record NotificationEvent(string Kind, string Id, DateTimeOffset At)
{
    public string? Platform { get; init; }

    public string? Handle { get; init; }

    public string? PlatformId { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    public long? Followers { get; init; }

    public double? EngagementRate { get; init; }

    public NotificationBand? Band { get; init; }

    public NotificationSpike? Spike { get; init; }

    /// <summary>Free text for platform events (what failed, for how long); never a secret.</summary>
    public string? Detail { get; init; }
}
