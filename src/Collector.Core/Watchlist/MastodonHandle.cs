namespace Collector.Core.Watchlist;

/// <summary>
/// Mastodon accounts: <c>user@instance</c>. The instance is required because an account's counts
/// are only complete on its home instance (platform-apis.md, Mastodon).
/// </summary>
internal static class MastodonHandle
{
    /// <summary>Mastodon caps local usernames at 30; other fediverse servers allow longer ones, so be generous.</summary>
    private const int MaxUsernameLength = 64;

    public static string? Check(string written)
    {
        var handle = HandleText.WithoutAt(written);
        var at = handle.IndexOf('@', StringComparison.Ordinal);
        if (at < 0 || handle.IndexOf('@', at + 1) >= 0)
        {
            return "a Mastodon handle is user@instance, e.g. Gargron@mastodon.social";
        }

        var user = handle[..at];
        var instance = handle[(at + 1)..];
        if (CheckUsername(user) is { } userProblem)
        {
            return userProblem;
        }

        return DomainName.Check(instance) is { } problem ? $"the instance must be a domain name: {problem}" : null;
    }

    public static string Normalize(string written) => HandleText.WithoutAt(written).ToLowerInvariant();

    private static string? CheckUsername(string user)
    {
        if (user.Length == 0)
        {
            return "the user name before '@' is empty";
        }

        if (user.Length > MaxUsernameLength)
        {
            return $"the user name is at most {MaxUsernameLength} characters; this one has {user.Length}";
        }

        var bad = CharacterSets.FirstOutside(user, CharacterSets.MastodonUsername);
        if (bad >= 0)
        {
            return $"'{DisplayText.Of(user[bad].ToString())}' is not allowed in a user name (letters, digits, '_', and '.' or '-' inside)";
        }

        return CharacterSets.FirstOutside(user[..1], CharacterSets.MastodonUsernameEnds) >= 0
            || CharacterSets.FirstOutside(user[^1..], CharacterSets.MastodonUsernameEnds) >= 0
            ? "a user name cannot start or end with '.' or '-'"
            : null;
    }
}
