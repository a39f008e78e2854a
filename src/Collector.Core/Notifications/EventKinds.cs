namespace Collector.Core.Notifications;

/// <summary>The kinds of events stored and notified, as written in settings (<c>Events</c>) and payloads.</summary>
public static class EventKinds
{
    public const string Entered = "entered";
    public const string Left = "left";
    public const string Spike = "spike";
    public const string PlatformUnhealthy = "platform_unhealthy";
    public const string PlatformRecovered = "platform_recovered";

    public static IReadOnlyList<string> All { get; } = [Entered, Left, Spike, PlatformUnhealthy, PlatformRecovered];

    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind, StringComparer.Ordinal);
}
