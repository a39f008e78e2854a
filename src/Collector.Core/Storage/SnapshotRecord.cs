using Collector.Core.Metrics;

namespace Collector.Core.Storage;

/// <summary>A stored snapshot as read back from the database.</summary>
public sealed record SnapshotRecord(
    long AccountId,
    DateTimeOffset CollectedAt,
    long? Followers,
    long? Following,
    long? Posts,
    int PostsSampled,
    double? AvgLikes,
    double? AvgReplies,
    double? AvgReposts,
    double? AvgQuotes,
    double? AvgViews,
    double? EngagementRate,
    DataQuality Quality);
