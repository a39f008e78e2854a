using System.Runtime.CompilerServices;
using Collector.Core.Metrics;
using Collector.Core.Storage;

namespace Collector.Storage.Status;

/// <summary>The snapshot columns every read selects (aliased <c>s</c>) and their mapping, kept side by side.</summary>
internal static class SnapshotColumns
{
    public const string Select = """
        s.account_id, s.collected_at, s.followers, s.following, s.posts, s.posts_sampled,
        s.avg_likes, s.avg_replies, s.avg_reposts, s.avg_quotes, s.avg_views, s.engagement_rate, s.quality_flags
        """;

    /// <summary>Reads the columns of <see cref="Select"/> starting at <paramref name="first"/>; null when the join found none.</summary>
    // Once per row of a status, an export or a round's analysis: optimized from the first call, not run unoptimized.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SnapshotRecord? Read(RawStatement row, int first)
    {
        if (row.IsNull(first))
        {
            return null;
        }

        return new SnapshotRecord(
            AccountId: row.Int64(first),
            CollectedAt: row.Instant(first + 1),
            Followers: row.NullableInt64(first + 2),
            Following: row.NullableInt64(first + 3),
            Posts: row.NullableInt64(first + 4),
            PostsSampled: row.Int32(first + 5),
            AvgLikes: row.NullableDouble(first + 6),
            AvgReplies: row.NullableDouble(first + 7),
            AvgReposts: row.NullableDouble(first + 8),
            AvgQuotes: row.NullableDouble(first + 9),
            AvgViews: row.NullableDouble(first + 10),
            EngagementRate: row.NullableDouble(first + 11),
            Quality: (DataQuality)row.Int64(first + 12));
    }
}
