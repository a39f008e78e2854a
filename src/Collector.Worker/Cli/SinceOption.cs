using System.CommandLine;
using System.Globalization;

namespace Collector.Worker.Cli;

/// <summary><c>--since</c> of the analyst commands: a date, an ISO 8601 instant, or a duration back from now.</summary>
internal static class SinceOption
{
    public static Option<string?> Create() => new("--since")
    {
        Description = "Only from this point: a UTC date (2025-03-01), an ISO 8601 instant, or a time back from now (7d, 12h)",
    };

    public static bool TryParse(string? text, DateTimeOffset now, out DateTimeOffset? since, out string? error)
    {
        (since, error) = (null, null);
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        text = text.Trim();
        if (text.Length > 1 && text[^1] is 'd' or 'h'
            && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            since = now - (text[^1] == 'd' ? TimeSpan.FromDays(amount) : TimeSpan.FromHours(amount));
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            since = instant;
            return true;
        }

        error = $"--since {text}: expected a date (2025-03-01), an ISO 8601 instant (2025-03-01T06:00:00Z) or a duration (7d, 12h)";
        return false;
    }
}
