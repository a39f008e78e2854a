using System.Collections.Concurrent;
using Quartz;

namespace Collector.Worker.Watchlists;

/// <summary>
/// Cron schedules with the parser the scheduler uses, so validate and run agree. Expressions resolve in the server's
/// local time zone (Quartz's default; UTC in the container image).
/// </summary>
internal static class QuartzCron
{
    // CronExpression is immutable, and a watchlist has a handful of distinct expressions.
    private static readonly ConcurrentDictionary<string, CronExpression> Parsed = new(StringComparer.Ordinal);

    public static string? Validate(string expression)
    {
        try
        {
            _ = new CronExpression(expression);
            return null;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            return ex.Message;
        }
    }

    /// <summary>The first instant strictly after <paramref name="instant"/> the (validated) expression names; null if none.</summary>
    public static DateTimeOffset? NextAfter(string expression, DateTimeOffset instant) =>
        Parsed.GetOrAdd(expression, static e => new CronExpression(e)).GetNextValidTimeAfter(instant);
}
