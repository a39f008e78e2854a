namespace Collector.Core.Watchlist;

/// <summary>The overridable settings written at one level; null = inherited from the level below.</summary>
internal sealed record SettingsLayer(Setting<Schedule>? Schedule, Setting<int>? EngagementPosts, BandLayer Band)
{
    public static SettingsLayer Empty { get; } = new(null, null, BandLayer.Empty);
}
