using Quartz;

namespace Collector.Worker.Jobs;

/// <summary>The fixed jobs next to the watchlist-driven collection jobs: notification delivery and daily upkeep.</summary>
internal static class MaintenanceJobs
{
    public const string Group = "maintenance";

    /// <summary>03:30 UTC: a quiet hour for most audiences; the checkpoint waits briefly for readers anyway.</summary>
    public const string HousekeepingCron = "0 30 3 * * ?";

    public static void AddMaintenanceJobs(this IQuartzBuilder quartz)
    {
        quartz.ScheduleJob<NotificationJob>(
            static trigger => trigger
                .WithIdentity("notifications-every-minute", Group)
                .StartNow()
                .WithSimpleSchedule(static s => s.WithInterval(TimeSpan.FromMinutes(1)).RepeatForever()),
            static job => job.WithIdentity(NotificationJob.Key));
        quartz.ScheduleJob<HousekeepingJob>(
            static trigger => trigger
                .WithIdentity("housekeeping-daily", Group)
                .WithCronSchedule(HousekeepingCron, static cron => cron.InTimeZone(TimeZoneInfo.Utc)),
            static job => job.WithIdentity(HousekeepingJob.Key));
    }
}
