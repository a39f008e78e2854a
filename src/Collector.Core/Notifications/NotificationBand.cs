namespace Collector.Core.Notifications;

/// <summary>The band in force when an account event was found.</summary>
public sealed record NotificationBand(long MinFollowers, long MaxFollowers, double MinEngagementRate, int ConfirmSnapshots);
