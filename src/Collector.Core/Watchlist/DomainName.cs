namespace Collector.Core.Watchlist;

/// <summary>
/// Host name syntax as the AT Protocol handle spec defines it (atproto.com/specs/handle): ASCII labels
/// of letters, digits and hyphens, 1-63 characters, no leading or trailing hyphen, at least two
/// labels, at most 253 characters, and a last label (TLD) that does not start with a digit.
/// </summary>
internal static class DomainName
{
    public const int MaxLength = 253;
    private const int MaxLabelLength = 63;

    /// <summary>An error message about <paramref name="name"/>, or null when it is a valid host name.</summary>
    public static string? Check(string name)
    {
        if (name.Length > MaxLength)
        {
            return $"a domain name is at most {MaxLength} characters; this one has {name.Length}";
        }

        var labels = name.Split('.');
        if (labels.Length < 2)
        {
            return $"'{DisplayText.Of(name)}' is not a domain name (it needs at least one dot, e.g. example.com)";
        }

        foreach (var label in labels)
        {
            if (CheckLabel(label) is { } problem)
            {
                return problem;
            }
        }

        return char.IsAsciiDigit(labels[^1][0])
            ? $"the last part of a domain name cannot start with a digit ('{DisplayText.Of(labels[^1])}')"
            : null;
    }

    private static string? CheckLabel(string label)
    {
        if (label.Length == 0)
        {
            return "a domain name cannot start or end with '.'";
        }

        if (label.Length > MaxLabelLength)
        {
            return $"each part of a domain name is at most {MaxLabelLength} characters; '{DisplayText.Of(label)}' has {label.Length}";
        }

        var bad = CharacterSets.FirstOutside(label, CharacterSets.DomainLabel);
        if (bad >= 0)
        {
            return $"'{DisplayText.Of(label[bad].ToString())}' is not allowed in a domain name (letters, digits, '-' and '.' only)";
        }

        return label.StartsWith('-') || label.EndsWith('-')
            ? $"a part of a domain name cannot start or end with '-' ('{DisplayText.Of(label)}')"
            : null;
    }
}
