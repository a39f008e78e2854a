using Collector.Core.Bands;
using Collector.Core.Watchlist;

namespace Collector.TestKit.Builders;

/// <summary>Builds watchlist entries with sensible defaults so tests state only what matters to them.</summary>
public static class WatchedAccountBuilder
{
    public static WatchedAccount Account(
        string platform,
        string handle,
        int engagementPosts = 12,
        BandSettings? band = null,
        Schedule? schedule = null) =>
        new(
            platform,
            handle,
            handle.ToLowerInvariant(),
            [],
            schedule ?? new Schedule.Every(TimeSpan.FromHours(6)),
            engagementPosts,
            band ?? BandSettings.Default,
            null,
            1,
            1);

    public static IReadOnlyList<WatchedAccount> Many(string platform, int count, int engagementPosts = 12) =>
        [.. Enumerable.Range(1, count).Select(i => Account(platform, $"user{i:D4}.example.com", engagementPosts))];
}
