using Collector.Core.Metrics;

namespace Collector.Worker.Output;

/// <summary>Data-quality flags as snake_case names (<c>followers_hidden</c>, ...), for output.</summary>
internal static class QualityNames
{
    private static readonly (DataQuality Flag, string Name)[] Names =
    [
        (DataQuality.FollowersHidden, "followers_hidden"),
        (DataQuality.FollowersRounded, "followers_rounded"),
        (DataQuality.InstanceLocal, "instance_local"),
        (DataQuality.Protected, "protected"),
        (DataQuality.PartialPostCounts, "partial_post_counts"),
    ];

    public static IReadOnlyList<string> Of(DataQuality quality) =>
        [.. Names.Where(n => quality.HasFlag(n.Flag)).Select(static n => n.Name)];
}
