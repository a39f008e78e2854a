using System.Text.RegularExpressions;

namespace Collector.Platforms.Bluesky;

/// <summary>
/// The <c>actor</c> syntax the AppView accepts (atproto handle and DID specs). Checking it before sending keeps one
/// malformed entry from failing its whole 25-actor batch with a 400.
/// </summary>
internal static partial class BlueskyActor
{
    public static bool IsDid(string actor) => actor.StartsWith("did:", StringComparison.Ordinal);

    /// <summary>The actor to send for a watchlist key: surrounding spaces and a leading '@' removed.</summary>
    public static string Normalize(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var trimmed = key.Trim();
        return trimmed.StartsWith('@') ? trimmed[1..] : trimmed;
    }

    public static bool IsValid(string actor) =>
        IsDid(actor)
            ? actor.Length <= 2048 && DidSyntax().IsMatch(actor)
            : actor.Length <= 253 && HandleSyntax().IsMatch(actor);

    [GeneratedRegex(@"^did:[a-z]+:[a-zA-Z0-9._:%-]*[a-zA-Z0-9._-]$", RegexOptions.CultureInvariant)]
    private static partial Regex DidSyntax();

    [GeneratedRegex(@"^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex HandleSyntax();
}
