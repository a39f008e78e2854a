using System.Globalization;
using Collector.Core.Bands;
using Collector.Core.Notifications;

namespace Collector.Core.Analytics;

/// <summary>Turns a stored account event into the notification every webhook format is rendered from.</summary>
public static class AccountEventNotification
{
    public static NotificationEvent From(AccountEvent accountEvent, string platform, string handle, string platformId)
    {
        ArgumentNullException.ThrowIfNull(accountEvent);
        var band = accountEvent.Band;
        return new NotificationEvent(accountEvent.Kind, accountEvent.Key, accountEvent.At)
        {
            Platform = platform,
            Handle = handle,
            PlatformId = platformId,
            From = accountEvent.From?.ToWire(),
            To = accountEvent.To?.ToWire(),
            Followers = accountEvent.Followers,
            EngagementRate = accountEvent.EngagementRate,
            Band = new NotificationBand(band.MinFollowers, band.MaxFollowers, band.MinEngagementRate, band.ConfirmSnapshots),
            Spike = accountEvent.Spike is { } spike
                ? new NotificationSpike(spike.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), spike.Change, spike.Expected, spike.Threshold)
                : null,
        };
    }
}
