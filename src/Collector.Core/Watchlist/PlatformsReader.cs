using Collector.Core.Platforms;

namespace Collector.Core.Watchlist;

/// <summary>Reads <c>platforms:</c>, the per-platform overrides of schedule, engagement_posts and band.</summary>
internal sealed class PlatformsReader(SettingsLayerReader settings, ProblemList problems)
{
    public Dictionary<string, SettingsLayer> Read(SourceNode node)
    {
        var layers = new Dictionary<string, SettingsLayer>(StringComparer.Ordinal);
        if (NodeShapes.Mapping(node, WatchlistKeys.Platforms, problems, "{ youtube: { schedule: every 24h } }") is not { } mapping)
        {
            return layers;
        }

        var entries = MappingReader.Read(
            mapping, PlatformKeys.All, "in platforms", problems, key => WatchlistKeys.UnknownPlatform(key, " in platforms"));
        foreach (var (platform, entry) in entries)
        {
            var name = $"{WatchlistKeys.Platforms}.{platform}";
            if (NodeShapes.Mapping(entry.Value, name, problems, "{ schedule: every 24h }") is not { } overrides)
            {
                continue;
            }

            var written = MappingReader.Read(overrides, WatchlistKeys.Overridable, $"in {name}", problems);
            layers[platform] = settings.Read(written, $" of platform {platform}");
        }

        return layers;
    }
}
