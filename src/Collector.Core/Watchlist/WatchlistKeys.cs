using Collector.Core.Platforms;

namespace Collector.Core.Watchlist;

/// <summary>The keys of the watchlist format (SPEC "The watchlist").</summary>
internal static class WatchlistKeys
{
    public const string Schedule = "schedule";
    public const string EngagementPosts = "engagement_posts";
    public const string Band = "band";
    public const string Platforms = "platforms";
    public const string Accounts = "accounts";
    public const string Tags = "tags";
    public const string Note = "note";
    public const string MinFollowers = "min_followers";
    public const string MaxFollowers = "max_followers";
    public const string MinEngagementRate = "min_engagement_rate";
    public const string ConfirmSnapshots = "confirm_snapshots";

    /// <summary>Settings that can be overridden per platform and per account.</summary>
    public static IReadOnlyList<string> Overridable { get; } = [Schedule, EngagementPosts, Band];

    public static IReadOnlyList<string> TopLevel { get; } = [.. Overridable, Platforms, Accounts];

    public static IReadOnlyList<string> BandFields { get; } = [MinFollowers, MaxFollowers, MinEngagementRate, ConfirmSnapshots];

    /// <summary>Account keys besides the platform key.</summary>
    public static IReadOnlyList<string> AccountOptions { get; } = [Tags, .. Overridable, Note];

    public static IReadOnlyList<string> AccountKeys { get; } = [.. PlatformKeys.All, .. AccountOptions];

    public static string KnownPlatforms => string.Join(", ", PlatformKeys.All);

    /// <summary>The message for a platform key that is not one of <see cref="PlatformKeys.All"/>.</summary>
    public static string UnknownPlatform(string key, string context)
    {
        // The most likely unknown platform by far: X was Twitter until 2023.
        var hint = key.Equals("twitter", StringComparison.OrdinalIgnoreCase)
            ? " (Twitter is 'x')"
            : KeySuggestions.Hint(key, PlatformKeys.All);
        return $"unknown platform '{DisplayText.Of(key)}'{context}{hint}; known platforms: {KnownPlatforms}";
    }
}
