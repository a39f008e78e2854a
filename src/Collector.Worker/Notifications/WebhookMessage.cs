using System.Globalization;
using Collector.Core.Notifications;

namespace Collector.Worker.Notifications;

/// <summary>The one-line human text of an event, used by the chat formats and as <c>text</c> in the JSON payload.</summary>
internal static class WebhookMessage
{
    public static string Describe(NotificationEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var account = $"{e.Platform}:{e.Handle}";
        var counts = $"{Count(e.Followers)} followers, ER {Rate(e.EngagementRate)}";
        var band = e.Band is { } b
            ? $" (band {Count(b.MinFollowers)}–{Count(b.MaxFollowers)} followers, ER ≥ {Rate(b.MinEngagementRate)})"
            : string.Empty;
        return e.Kind switch
        {
            EventKinds.Entered => $"{account} entered the micro-influencer band from {e.From}: {counts}{band}",
            EventKinds.Left => $"{account} left the micro-influencer band for {e.To}: {counts}{band}",
            EventKinds.Spike when e.Spike is { } s =>
                $"{account} gained {Signed(s.Change)} followers on {s.Day}, far above its usual {Signed(s.Expected)}/day " +
                $"(threshold {Signed(s.Threshold)}); now {Count(e.Followers)} followers. Check for a giveaway, shout-out or bought followers.",
            EventKinds.PlatformUnhealthy => $"Platform {e.Platform} is unhealthy: {e.Detail}",
            EventKinds.PlatformRecovered => $"Platform {e.Platform} recovered: {e.Detail}",
            _ => $"{e.Kind}: {account} {e.Detail}",
        };
    }

    private static string Count(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "unknown";

    private static string Rate(double? value) => value?.ToString("0.##%", CultureInfo.InvariantCulture) ?? "n/a";

    private static string Signed(double value) => value.ToString("+#,0;-#,0;0", CultureInfo.InvariantCulture);
}
