namespace Collector.Core.Watchlist;

/// <summary>X usernames: <c>^[A-Za-z0-9_]{1,15}$</c>, the pattern of the X API v2 OpenAPI spec.</summary>
internal static class XHandle
{
    private const int MaxLength = 15;

    public static string? Check(string written)
    {
        var handle = HandleText.WithoutAt(written);
        if (handle.Length == 0)
        {
            return "the handle is empty";
        }

        if (handle.Length > MaxLength)
        {
            return $"an X handle is at most {MaxLength} characters; this one has {handle.Length}";
        }

        var bad = CharacterSets.FirstOutside(handle, CharacterSets.XUsername);
        return bad >= 0
            ? $"'{DisplayText.Of(handle[bad].ToString())}' is not allowed; an X handle has only letters, digits and '_'"
            : null;
    }

    public static string Normalize(string written) => HandleText.WithoutAt(written).ToLowerInvariant();
}
