using System.Globalization;
using System.Text;

namespace Collector.Core.Watchlist;

/// <summary>
/// Renders operator-written text inside messages. Control and non-ASCII characters are escaped so a
/// crafted watchlist cannot inject terminal escape sequences into logs or <c>collector validate</c>.
/// </summary>
internal static class DisplayText
{
    private const int MaxLength = 60;

    public static string Of(string text)
    {
        var builder = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (builder.Length >= MaxLength)
            {
                builder.Append('…');
                break;
            }

            if (rune.Value is >= 0x20 and < 0x7F)
            {
                builder.Append((char)rune.Value);
            }
            else
            {
                builder.Append(CodePoint(rune));
            }
        }

        return builder.ToString();
    }

    /// <summary>The <c>U+XXXX</c> form of one character.</summary>
    public static string CodePoint(Rune rune) => string.Create(CultureInfo.InvariantCulture, $"U+{rune.Value:X4}");
}
