namespace Collector.Core.Notifications;

/// <summary>Spike details: the day's gain, the usual gain and the threshold it crossed.</summary>
public sealed record NotificationSpike(string Day, long Change, double Expected, double Threshold);
