using System.Runtime.CompilerServices;
using Collector.Core.Metrics;
using Collector.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Status;

/// <summary>The snapshot columns every read selects (aliased <c>s</c>) and their mapping, kept side by side.</summary>
internal static class SnapshotColumns
{
    public const string Select = """
        s.account_id, s.collected_at, s.followers, s.following, s.posts, s.posts_sampled,
        s.avg_likes, s.avg_replies, s.avg_reposts, s.avg_quotes, s.avg_views, s.engagement_rate, s.quality_flags
        """;

    /// <summary>Reads the columns of <see cref="Select"/> starting at <paramref name="first"/>; null when the join found none.</summary>
    // Once per account of a status: optimized from the first call, not run unoptimized by a fresh process.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SnapshotRecord? Read(SqliteDataReader reader, int first)
    {
        if (reader.IsDBNull(first))
        {
            return null;
        }

        return new SnapshotRecord(
            AccountId: reader.GetInt64(first),
            CollectedAt: reader.GetInstant(first + 1),
            Followers: reader.GetNullableInt64(first + 2),
            Following: reader.GetNullableInt64(first + 3),
            Posts: reader.GetNullableInt64(first + 4),
            PostsSampled: reader.GetInt32(first + 5),
            AvgLikes: reader.GetNullableDouble(first + 6),
            AvgReplies: reader.GetNullableDouble(first + 7),
            AvgReposts: reader.GetNullableDouble(first + 8),
            AvgQuotes: reader.GetNullableDouble(first + 9),
            AvgViews: reader.GetNullableDouble(first + 10),
            EngagementRate: reader.GetNullableDouble(first + 11),
            Quality: (DataQuality)reader.GetInt64(first + 12));
    }
}
