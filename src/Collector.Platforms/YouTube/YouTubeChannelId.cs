using System.Text.RegularExpressions;

namespace Collector.Platforms.YouTube;

/// <summary>Watchlist keys on YouTube: a channel id (<c>UC</c> + 22 URL-safe base64 characters) or an <c>@handle</c>.</summary>
internal static partial class YouTubeChannelId
{
    public static bool IsValid(string key) => ChannelIdSyntax().IsMatch(key);

    /// <summary>Any non-empty <c>@name</c> without spaces; the query value is escaped, so no handle can alter the request.</summary>
    public static bool IsHandle(string key)
    {
        var trimmed = key.Trim();
        return trimmed.Length is > 1 and <= 100 && trimmed[0] == '@' && !trimmed.Any(static c => char.IsWhiteSpace(c) || char.IsControl(c));
    }

    [GeneratedRegex("^UC[A-Za-z0-9_-]{22}$", RegexOptions.CultureInvariant)]
    private static partial Regex ChannelIdSyntax();
}
