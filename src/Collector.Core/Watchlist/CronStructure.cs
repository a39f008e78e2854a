using System.Buffers;

namespace Collector.Core.Watchlist;

/// <summary>
/// A structural check of a Quartz cron expression, for when Quartz itself is not at hand (Core).
/// Quartz syntax: seconds minutes hours day-of-month month day-of-week [year], with '?' in exactly
/// one of the two day fields.
/// </summary>
internal static class CronStructure
{
    private const int DayOfMonth = 3;
    private const int DayOfWeek = 5;
    private const string AllowedSymbols = "*?,-/#";

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789" + AllowedSymbols);

    public static string? Check(string expression)
    {
        var fields = expression.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 5)
        {
            return $"a Quartz cron expression has 6 or 7 fields (seconds first), not 5 as in Unix cron{UnixHint(fields)}";
        }

        if (fields.Length is < 6 or > 7)
        {
            return $"a Quartz cron expression has 6 or 7 fields (seconds minutes hours day-of-month month day-of-week [year]); got {fields.Length}";
        }

        foreach (var field in fields)
        {
            var bad = field.AsSpan().IndexOfAnyExcept(Allowed);
            if (bad >= 0)
            {
                return $"field '{DisplayText.Of(field)}' contains '{DisplayText.Of(field[bad].ToString())}'; allowed are letters, digits and {AllowedSymbols}";
            }
        }

        for (var i = 0; i < fields.Length; i++)
        {
            if (fields[i].Contains('?', StringComparison.Ordinal) && i is not (DayOfMonth or DayOfWeek))
            {
                return "'?' is only allowed in the day-of-month or day-of-week field";
            }
        }

        return (fields[DayOfMonth] == "?") == (fields[DayOfWeek] == "?")
            ? "exactly one of day-of-month (4th field) and day-of-week (6th field) must be '?', e.g. '0 0 6 * * ?'"
            : null;
    }

    /// <summary>Suggests the Quartz form of a simple Unix cron line (day-of-week unset).</summary>
    private static string UnixHint(string[] fields) =>
        fields[4] == "*"
            ? $"; for '{DisplayText.Of(string.Join(' ', fields))}' write '0 {DisplayText.Of(string.Join(' ', fields[..4]))} ?'"
            : "";
}
