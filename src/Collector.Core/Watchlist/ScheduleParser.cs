using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Collector.Core.Watchlist;

/// <summary>
/// Parses a schedule: <c>every &lt;N&gt;(m|h|d)</c> or a Quartz cron expression. Core cannot reference
/// Quartz, so cron expressions are checked by a validator the caller passes (the Worker passes
/// Quartz's own); without one, <see cref="CheckCronStructure"/> catches the common mistakes.
/// </summary>
public static partial class ScheduleParser
{
    public static TimeSpan MinimumInterval { get; } = TimeSpan.FromMinutes(1);

    /// <summary>A year: beyond that an interval is surely a typo, and TimeSpan arithmetic stays far from overflow.</summary>
    public static TimeSpan MaximumInterval { get; } = TimeSpan.FromDays(365);

    /// <param name="cronValidator">Returns an error message for an invalid cron expression, or null.</param>
    public static bool TryParse(
        string text,
        Func<string, string?>? cronValidator,
        [NotNullWhen(true)] out Schedule? schedule,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        schedule = null;
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            error = "schedule is empty; write e.g. 'every 6h' or a Quartz cron expression";
            return false;
        }

        error = trimmed.StartsWith("every", StringComparison.OrdinalIgnoreCase)
            ? ParseInterval(trimmed, out schedule)
            : ParseCron(trimmed, cronValidator ?? CheckCronStructure, out schedule);
        return error is null;
    }

    /// <summary>The default cron check (structure only); returns an error message or null.</summary>
    public static string? CheckCronStructure(string expression) => CronStructure.Check(expression);

    private static string? ParseInterval(string text, out Schedule? schedule)
    {
        schedule = null;
        var match = IntervalPattern().Match(text);
        if (!match.Success)
        {
            return $"invalid schedule '{DisplayText.Of(text)}'; expected 'every <N>(m|h|d)', e.g. 'every 6h' or 'every 30m'";
        }

        var unit = match.Groups["unit"].Value.ToUpperInvariant();
        if (unit is not ("M" or "H" or "D"))
        {
            return unit == "S"
                ? $"invalid schedule '{DisplayText.Of(text)}': seconds are not supported; the shortest interval is 1 minute (every 1m)"
                : $"invalid schedule '{DisplayText.Of(text)}': unknown unit '{DisplayText.Of(match.Groups["unit"].Value)}'; use m (minutes), h (hours) or d (days)";
        }

        var count = match.Groups["count"].Value;
        if (!long.TryParse(count, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) || n > MaximumInterval.TotalMinutes)
        {
            return $"invalid schedule '{DisplayText.Of(text)}': the longest interval is {MaximumInterval.TotalDays:0}d";
        }

        if (n < 1)
        {
            return $"invalid schedule '{DisplayText.Of(text)}': the number must be at least 1 (the shortest interval is 1 minute)";
        }

        var interval = unit switch
        {
            "M" => TimeSpan.FromMinutes(n),
            "H" => TimeSpan.FromHours(n),
            _ => TimeSpan.FromDays(n),
        };
        if (interval > MaximumInterval)
        {
            return $"invalid schedule '{DisplayText.Of(text)}': the longest interval is {MaximumInterval.TotalDays:0}d";
        }

        schedule = new Schedule.Every(interval);
        return null;
    }

    private static string? ParseCron(string text, Func<string, string?> validator, out Schedule? schedule)
    {
        // One space between fields, so the same cron written twice groups into the same job.
        var expression = string.Join(' ', text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
        var problem = validator(expression);
        schedule = problem is null ? new Schedule.Cron(expression) : null;
        return problem is null ? null : $"invalid cron expression '{DisplayText.Of(expression)}': {problem}";
    }

    [GeneratedRegex(@"^every\s+(?<count>[+-]?[0-9]+)\s*(?<unit>[A-Za-z]+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IntervalPattern();
}
