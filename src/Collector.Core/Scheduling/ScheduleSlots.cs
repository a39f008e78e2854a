using Collector.Core.Watchlist;

namespace Collector.Core.Scheduling;

/// <summary>
/// The instants a schedule offers. Core cannot reference Quartz, so cron arithmetic comes in as a function (the
/// Worker passes Quartz's own), the same way <see cref="ScheduleParser"/> takes its cron validator.
/// </summary>
/// <param name="cronNext">The first instant strictly after the given one that the cron expression names; null if none.</param>
public sealed class ScheduleSlots(Func<string, DateTimeOffset, DateTimeOffset?> cronNext)
{
    /// <summary>At most this much early is accepted to collect an interval group's accounts in one round.</summary>
    public static TimeSpan MaxCoalesceWindow { get; } = TimeSpan.FromMinutes(5);

    /// <summary>The next slot after <paramref name="instant"/>; null when a cron expression never fires again.</summary>
    public DateTimeOffset? After(Schedule schedule, DateTimeOffset instant) => schedule switch
    {
        Schedule.Every every => instant + every.Interval,
        Schedule.Cron cron => cronNext(cron.Expression, instant),
        _ => throw new ArgumentOutOfRangeException(nameof(schedule), schedule, "unknown schedule kind"),
    };

    /// <summary>
    /// How early an account may be collected along with the others of its group. Accounts of an interval group
    /// drift apart by the seconds a round takes; without this window each would get a round (and a request) of its
    /// own. Cron accounts share their slots exactly, so they need none.
    /// </summary>
    public static TimeSpan CoalesceWindow(Schedule schedule) => schedule switch
    {
        Schedule.Every every => TimeSpan.FromTicks(Math.Min(every.Interval.Ticks / 20, MaxCoalesceWindow.Ticks)),
        _ => TimeSpan.Zero,
    };
}
