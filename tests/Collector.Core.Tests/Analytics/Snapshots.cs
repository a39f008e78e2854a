using Collector.Core.Metrics;
using Collector.Core.Storage;

namespace Collector.Core.Tests.Analytics;

/// <summary>Builds snapshot series for the pure analytics: only the fields they read matter.</summary>
internal static class Snapshots
{
    public static DateTimeOffset Start { get; } = new(2025, 3, 1, 6, 0, 0, TimeSpan.Zero);

    public static SnapshotRecord At(DateTimeOffset at, long? followers, double? engagementRate = null) =>
        new(1, at, followers, 100, 500, engagementRate is null ? 0 : 12, null, null, null, null, null, engagementRate,
            followers is null ? DataQuality.FollowersHidden : DataQuality.None);

    /// <summary>One snapshot per <paramref name="step"/> (6 h by default) from <see cref="Start"/>.</summary>
    public static IReadOnlyList<SnapshotRecord> Every(TimeSpan? step, params long?[] followers) =>
        [.. followers.Select((f, i) => At(Start + (i * (step ?? TimeSpan.FromHours(6))), f))];

    public static IReadOnlyList<SnapshotRecord> Series(params long?[] followers) => Every(null, followers);

    /// <summary>One snapshot a day at 06:00 UTC.</summary>
    public static IReadOnlyList<SnapshotRecord> Daily(params long?[] followers) => Every(TimeSpan.FromDays(1), followers);
}
