using System.Text.RegularExpressions;

namespace Collector.Platforms.X;

/// <summary>
/// What X accepts in a request (OpenAPI patterns). Checking before sending keeps one malformed entry from failing its
/// whole 100-user batch with a 400, and keeps anything but digits out of the timeline's URL path.
/// </summary>
internal static partial class XSyntax
{
    /// <summary>The username to send for a watchlist key: surrounding spaces and a leading '@' removed.</summary>
    public static string NormalizeUsername(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var trimmed = key.Trim();
        return trimmed.StartsWith('@') ? trimmed[1..] : trimmed;
    }

    public static bool IsUsername(string text) => UsernamePattern().IsMatch(text);

    public static bool IsUserId(string text) => UserIdPattern().IsMatch(text);

    [GeneratedRegex("^[A-Za-z0-9_]{1,15}$", RegexOptions.CultureInvariant)]
    private static partial Regex UsernamePattern();

    [GeneratedRegex("^[0-9]{1,19}$", RegexOptions.CultureInvariant)]
    private static partial Regex UserIdPattern();
}
