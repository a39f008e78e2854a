using System.Text;

namespace Collector.Core.Watchlist;

/// <summary>
/// Checks shared by every platform. Handles end up in request URLs (paths and queries), so anything
/// that could change a URL's meaning is rejected before the platform's own syntax is checked.
/// </summary>
internal static class HandleText
{
    /// <summary>An error for text that can never be a handle on any platform, or null.</summary>
    public static string? CheckSafe(string handle)
    {
        if (handle.Length == 0)
        {
            return "the handle is empty";
        }

        if (handle.Contains("://", StringComparison.Ordinal))
        {
            return "this looks like a URL; write the handle only, not a profile link";
        }

        foreach (var rune in handle.EnumerateRunes())
        {
            if (Describe(rune) is { } problem)
            {
                return problem;
            }
        }

        return handle.Contains("..", StringComparison.Ordinal) ? "'..' is not allowed in a handle" : null;
    }

    /// <summary>Strips the one leading '@' that operators copy from profile pages.</summary>
    public static string WithoutAt(string handle) => handle.StartsWith('@') ? handle[1..] : handle;

    private static string? Describe(Rune rune)
    {
        var value = rune.Value;
        if (Rune.IsWhiteSpace(rune))
        {
            return $"the handle contains whitespace ({DisplayText.CodePoint(rune)})";
        }

        if (value < 0x20 || value is >= 0x7F and <= 0x9F)
        {
            return $"the handle contains a control character ({DisplayText.CodePoint(rune)})";
        }

        if (value > 0x7F)
        {
            return $"the handle contains a non-ASCII character ({DisplayText.CodePoint(rune)}); handles are ASCII";
        }

        return value is '/' or '?' or '#'
            ? $"'{(char)value}' is not allowed in a handle (write the handle, not a link)"
            : null;
    }
}
