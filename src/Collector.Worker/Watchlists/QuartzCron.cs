using Quartz;

namespace Collector.Worker.Watchlists;

/// <summary>Validates cron schedules with the same parser the scheduler uses, so validate and run agree.</summary>
internal static class QuartzCron
{
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
}
