using System.Text;

namespace Collector.Platforms.Http;

/// <summary>Makes text from a platform fit for logs and the database: one short line, no control characters.</summary>
internal static class SafeText
{
    public const int DefaultMaxLength = 240;

    public static string Clip(string? text, int maxLength = DefaultMaxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(Math.Min(text.Length, maxLength + 1));
        foreach (var c in text)
        {
            if (builder.Length >= maxLength)
            {
                builder.Append('…');
                break;
            }

            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString().Trim();
    }

    /// <summary>The path of a request URI, never its query (which may carry keys on some platforms).</summary>
    public static string PathOf(Uri? uri) =>
        uri switch
        {
            null => "?",
            { IsAbsoluteUri: true } => uri.AbsolutePath,
            _ => uri.OriginalString.Split('?', 2)[0],
        };
}
