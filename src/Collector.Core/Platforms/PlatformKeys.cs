namespace Collector.Core.Platforms;

/// <summary>The platform keys used in the watchlist, the database and the command line.</summary>
public static class PlatformKeys
{
    public const string Bluesky = "bluesky";
    public const string Mastodon = "mastodon";
    public const string X = "x";
    public const string YouTube = "youtube";

    public static IReadOnlyList<string> All { get; } = [Bluesky, Mastodon, X, YouTube];

    public static bool IsKnown(string key) => key is Bluesky or Mastodon or X or YouTube;
}
