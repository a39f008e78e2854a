using Collector.Core.Bands;

namespace Collector.Core.Watchlist;

/// <summary>The effective defaults for one platform after the <c>platforms:</c> overrides are applied.</summary>
public sealed record PlatformDefaults(Schedule Schedule, int EngagementPosts, BandSettings Band);
