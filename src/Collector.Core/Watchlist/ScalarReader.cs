using System.Globalization;

namespace Collector.Core.Watchlist;

/// <summary>
/// Reads typed scalar values, reporting at the value's own position. YAML typing is strict: a
/// quoted "12" is a string, not a number, so the operator learns early that the value is not what
/// it looks like.
/// </summary>
internal sealed class ScalarReader(ProblemList problems)
{
    private const NumberStyles IntegerStyle = NumberStyles.AllowLeadingSign;
    private const NumberStyles FloatStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    public ProblemList Problems => problems;

    /// <summary>A whole number in [min, max]; null (after reporting) otherwise.</summary>
    public long? ReadWholeNumber(SourceNode node, string name, long min, long max)
    {
        if (ExpectNumberScalar(node, name, "a whole number") is not { } scalar)
        {
            return null;
        }

        if (!long.TryParse(scalar.Value, IntegerStyle, CultureInfo.InvariantCulture, out var value))
        {
            problems.Add(node, IsDigitsWithSign(scalar.Value)
                ? $"{name} is too large; got {DisplayText.Of(scalar.Value)}"
                : $"{name} must be a whole number; got {node.Kind}{SeparatorHint(scalar.Value)}");
            return null;
        }

        return CheckRange(node, name, value, min, max) ? value : null;
    }

    /// <summary>Any finite number (integer or decimal); range checks are left to the caller.</summary>
    public double? ReadNumber(SourceNode node, string name)
    {
        if (ExpectNumberScalar(node, name, "a number") is not { } scalar)
        {
            return null;
        }

        // double.TryParse also accepts "Infinity", "NaN" and thousands of other spellings by culture;
        // the style flags and the finiteness check keep to plain decimal notation.
        if (!double.TryParse(scalar.Value, FloatStyle, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            problems.Add(node, $"{name} must be a number; got {node.Kind}");
            return null;
        }

        return value;
    }

    /// <summary>A non-empty string scalar (plain or quoted).</summary>
    public string? ReadText(SourceNode node, string name)
    {
        switch (node)
        {
            case SourceNode.Scalar { IsNull: true }:
                problems.Add(node, $"{name} has no value");
                return null;
            case SourceNode.Scalar { Value: "" }:
                problems.Add(node, $"{name} is empty");
                return null;
            case SourceNode.Scalar scalar:
                return scalar.Value;
            default:
                problems.Add(node, $"{name} must be a single value (text); got {node.Kind}");
                return null;
        }
    }

    private SourceNode.Scalar? ExpectNumberScalar(SourceNode node, string name, string expected)
    {
        switch (node)
        {
            case SourceNode.Scalar { IsNull: true }:
                problems.Add(node, $"{name} has no value; expected {expected}");
                return null;
            case SourceNode.Scalar { IsPlain: false } quoted:
                problems.Add(node, $"{name} must be {expected}, not a quoted string ('{DisplayText.Of(quoted.Value)}'); remove the quotes");
                return null;
            case SourceNode.Scalar scalar:
                return scalar;
            default:
                problems.Add(node, $"{name} must be {expected}; got {node.Kind}");
                return null;
        }
    }

    private bool CheckRange(SourceNode node, string name, long value, long min, long max)
    {
        // A maximum this large is a storage limit, not a rule the operator needs to read about.
        var bounded = max < int.MaxValue;
        var text = value.ToString(CultureInfo.InvariantCulture);
        var range = $"between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}";
        var message = value switch
        {
            < 0 when min >= 0 => $"{name} must not be negative; got {text}",
            _ when value < min => bounded
                ? $"{name} must be {range}; got {text}"
                : $"{name} must be at least {min.ToString(CultureInfo.InvariantCulture)}; got {text}",
            _ when value > max => bounded ? $"{name} must be {range}; got {text}" : $"{name} is too large; got {text}",
            _ => null,
        };
        if (message is not null)
        {
            problems.Add(node, message);
        }

        return message is null;
    }

    private static bool IsDigitsWithSign(string text)
    {
        var digits = text.StartsWith('-') || text.StartsWith('+') ? text[1..] : text;
        return digits.Length > 0 && digits.All(char.IsAsciiDigit);
    }

    /// <summary>Operators write 10_000 or 10,000; YAML 1.2 reads both as text.</summary>
    private static string SeparatorHint(string text)
    {
        var stripped = text.Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        return stripped != text && IsDigitsWithSign(stripped) ? $" (write {stripped}, without separators)" : "";
    }
}
