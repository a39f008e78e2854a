using System.Buffers;

namespace Collector.Core.Watchlist;

/// <summary>The character sets of the handle rules, built once.</summary>
internal static class CharacterSets
{
    private const string LettersAndDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static SearchValues<char> DomainLabel { get; } = SearchValues.Create(LettersAndDigits + "-");

    /// <summary>X usernames: <c>^[A-Za-z0-9_]{1,15}$</c> (X API OpenAPI spec).</summary>
    public static SearchValues<char> XUsername { get; } = SearchValues.Create(LettersAndDigits + "_");

    /// <summary>Mastodon's USERNAME_RE allows '.' and '-' inside a name (remote servers use them).</summary>
    public static SearchValues<char> MastodonUsername { get; } = SearchValues.Create(LettersAndDigits + "_.-");

    public static SearchValues<char> MastodonUsernameEnds { get; } = SearchValues.Create(LettersAndDigits + "_");

    /// <summary>YouTube handles: letters, digits, '_', '-' and '.'.</summary>
    public static SearchValues<char> YouTubeHandle { get; } = SearchValues.Create(LettersAndDigits + "_-.");

    /// <summary>YouTube channel ids are URL-safe base64: letters, digits, '_' and '-'.</summary>
    public static SearchValues<char> YouTubeChannelId { get; } = SearchValues.Create(LettersAndDigits + "_-");

    /// <summary>did:plc identifiers are lowercase base32 (RFC 4648 alphabet, lowercased).</summary>
    public static SearchValues<char> PlcBase32 { get; } = SearchValues.Create("abcdefghijklmnopqrstuvwxyz234567");

    /// <summary>Index of the first character outside <paramref name="allowed"/>, or -1.</summary>
    public static int FirstOutside(string text, SearchValues<char> allowed) => text.AsSpan().IndexOfAnyExcept(allowed);
}
