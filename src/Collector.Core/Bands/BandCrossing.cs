using Collector.Core.Notifications;

namespace Collector.Core.Bands;

/// <summary>A confirmed move into or out of the band, stamped with the snapshot that confirmed it.</summary>
/// <param name="Kind"><see cref="EventKinds.Entered"/> or <see cref="EventKinds.Left"/>.</param>
public sealed record BandCrossing(string Kind, Tier From, Tier To, DateTimeOffset At, long Followers, double? EngagementRate);
