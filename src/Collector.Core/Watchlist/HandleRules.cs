using Collector.Core.Platforms;

namespace Collector.Core.Watchlist;

/// <summary>
/// Per-platform handle syntax (platform-apis.md). A handle that passes <see cref="Validate"/> contains
/// only characters that are safe in a URL path segment or query value, so no handle can change the
/// meaning of a request URL.
/// </summary>
public static class HandleRules
{
    /// <summary>Null when <paramref name="handle"/> is valid on <paramref name="platform"/>; otherwise why not.</summary>
    public static string? Validate(string platform, string handle)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(handle);
        Func<string, string?>? check = platform switch
        {
            PlatformKeys.Bluesky => BlueskyHandle.Check,
            PlatformKeys.Mastodon => MastodonHandle.Check,
            PlatformKeys.X => XHandle.Check,
            PlatformKeys.YouTube => YouTubeHandle.Check,
            _ => null,
        };
        if (check is null)
        {
            return $"unknown platform '{DisplayText.Of(platform)}'; known platforms: {string.Join(", ", PlatformKeys.All)}";
        }

        var problem = HandleText.CheckSafe(handle) ?? check(handle);
        return problem is null ? null : $"invalid {DisplayName(platform)} handle '{DisplayText.Of(handle)}': {problem}";
    }

    /// <summary>
    /// The watch key: the handle without a leading '@' (kept on YouTube handles) and lowercased where
    /// the platform treats handles case-insensitively.
    /// </summary>
    /// <exception cref="ArgumentException">The handle is not valid (call <see cref="Validate"/> first).</exception>
    public static string Normalize(string platform, string handle)
    {
        if (Validate(platform, handle) is { } problem)
        {
            throw new ArgumentException(problem, nameof(handle));
        }

        return NormalizeValid(platform, handle);
    }

    /// <summary><see cref="Normalize"/> of a handle <see cref="Validate"/> accepted (not checked again).</summary>
    internal static string NormalizeValid(string platform, string handle)
    {
        return platform switch
        {
            PlatformKeys.Bluesky => BlueskyHandle.Normalize(handle),
            PlatformKeys.Mastodon => MastodonHandle.Normalize(handle),
            PlatformKeys.X => XHandle.Normalize(handle),
            _ => YouTubeHandle.Normalize(handle),
        };
    }

    private static string DisplayName(string platform) => platform switch
    {
        PlatformKeys.Bluesky => "Bluesky",
        PlatformKeys.Mastodon => "Mastodon",
        PlatformKeys.X => "X",
        _ => "YouTube",
    };
}
