namespace Collector.Core.Watchlist;

/// <summary>
/// YouTube channels: an <c>@handle</c> (3-30 of letters, digits, '_', '-', '.') or a channel id
/// (<c>UC</c> + 22 URL-safe base64 characters). YouTube also allows handles in other scripts; those
/// are rejected here (handles are ASCII in this product) and can be watched by channel id instead.
/// </summary>
internal static class YouTubeHandle
{
    private const int MinHandleLength = 3;
    private const int MaxHandleLength = 30;
    private const int ChannelIdLength = 24;

    public static string? Check(string written)
    {
        if (written.StartsWith('@'))
        {
            return CheckHandle(written[1..]);
        }

        if (written.StartsWith("UC", StringComparison.Ordinal))
        {
            return written.Length == ChannelIdLength && CharacterSets.FirstOutside(written, CharacterSets.YouTubeChannelId) < 0
                ? null
                : $"a channel id is 'UC' followed by {ChannelIdLength - 2} letters, digits, '_' or '-'";
        }

        return "a YouTube account is an @handle (quote it in YAML: \"@name\") or a channel id (UC…)";
    }

    /// <summary>Handles are case-insensitive and keep their '@'; channel ids are case-sensitive and kept as written.</summary>
    public static string Normalize(string written) => written.StartsWith('@') ? written.ToLowerInvariant() : written;

    private static string? CheckHandle(string handle)
    {
        if (handle.Length is < MinHandleLength or > MaxHandleLength)
        {
            return $"a YouTube handle has {MinHandleLength} to {MaxHandleLength} characters after '@'; this one has {handle.Length}";
        }

        var bad = CharacterSets.FirstOutside(handle, CharacterSets.YouTubeHandle);
        return bad >= 0
            ? $"'{DisplayText.Of(handle[bad].ToString())}' is not allowed; a YouTube handle has only letters, digits, '_', '-' and '.'"
            : null;
    }
}
