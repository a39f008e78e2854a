using System.Text.RegularExpressions;

namespace Collector.Platforms.Mastodon;

/// <summary>
/// An account on an instance: a watchlist handle <c>user@instance</c>, or the client's stable id <c>id@instance</c>
/// (account ids are only unique within one instance). The instance is checked to be a host name because it becomes
/// part of the request URL.
/// </summary>
internal sealed partial record MastodonAddress(string Local, string Instance)
{
    /// <summary>Parses <c>[@]local@instance</c>; null when either part is malformed.</summary>
    public static MastodonAddress? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.StartsWith('@'))
        {
            trimmed = trimmed[1..];
        }

        var at = trimmed.LastIndexOf('@');
        if (at <= 0)
        {
            return null;
        }

        var local = trimmed[..at];
        return LocalSyntax().IsMatch(local) && NormalizeInstance(trimmed[(at + 1)..]) is { } instance
            ? new MastodonAddress(local, instance)
            : null;
    }

    /// <summary>The instance's host name in lower case, or null when it is not a host name.</summary>
    public static string? NormalizeInstance(string instance)
    {
        var lower = instance.Trim().ToLowerInvariant();
        return lower.Length <= 253 && InstanceSyntax().IsMatch(lower) ? lower : null;
    }

    public override string ToString() => $"{Local}@{Instance}";

    // Usernames are letters, digits and '_' ('.' and '-' inside on other fediverse servers); ids are digits on
    // Mastodon and alphanumeric flake ids on Pleroma/Akkoma.
    [GeneratedRegex(@"^[A-Za-z0-9_]([A-Za-z0-9_.-]{0,62}[A-Za-z0-9_])?$", RegexOptions.CultureInvariant)]
    private static partial Regex LocalSyntax();

    [GeneratedRegex(@"^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex InstanceSyntax();
}
