using System.Globalization;
using Collector.Benchmarks.Fake;
using Collector.Core.Platforms;

namespace Collector.Benchmarks.Harness;

/// <summary>Writes a watchlist of synthetic accounts, platforms interleaved as an operator's mixed list would be.</summary>
internal static class WatchlistFile
{
    public static string Write(Workspace workspace, IReadOnlyList<string> platforms, int perPlatform, int engagementPosts)
    {
        var path = workspace.NewPath(string.Create(CultureInfo.InvariantCulture, $"watchlist-{perPlatform}x{platforms.Count}-e{engagementPosts}.yaml"));
        using var writer = new StreamWriter(path);
        writer.WriteLine("schedule: every 6h");
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"engagement_posts: {engagementPosts}"));
        writer.WriteLine("accounts:");
        for (var n = 0; n < perPlatform; n++)
        {
            foreach (var platform in platforms)
            {
                writer.Write("  - ");
                writer.Write(platform);
                writer.Write(": ");
                writer.WriteLine(Entry(platform, n));
            }
        }

        return path;
    }

    /// <summary>The handle as written in YAML (a YouTube '@' must be quoted).</summary>
    public static string Entry(string platform, int n) => platform switch
    {
        PlatformKeys.Bluesky => Synthetic.BlueskyHandle(n),
        PlatformKeys.X => Synthetic.XHandle(n),
        PlatformKeys.Mastodon => Synthetic.MastodonHandle(n),
        PlatformKeys.YouTube => "\"" + Synthetic.YouTubeHandle(n) + "\"",
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "unknown platform"),
    };
}
