namespace Collector.Platforms.YouTube;

/// <summary>
/// YouTube's quota day: the quota resets at midnight Pacific Time (platform-apis.md §4), which is 08:00 UTC in winter
/// and 07:00 UTC in summer. Dates come from the America/Los_Angeles zone; where the system has no time zone data
/// (a slim container without tzdata) the current US rules are used instead, so the count still resets on time.
/// </summary>
internal static class PacificQuotaDay
{
    public const string ZoneId = "America/Los_Angeles";

    public static TimeZoneInfo Zone { get; } = Load();

    /// <summary>US Pacific since 2007: UTC-8, daylight time from 02:00 on the second Sunday of March to 02:00 on the first Sunday of November.</summary>
    internal static TimeZoneInfo Fallback { get; } = TimeZoneInfo.CreateCustomTimeZone(
        ZoneId,
        TimeSpan.FromHours(-8),
        "Pacific Time",
        "Pacific Standard Time",
        "Pacific Daylight Time",
        [
            TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                new DateTime(2007, 1, 1),
                DateTime.MaxValue.Date,
                TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 2, DayOfWeek.Sunday),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 11, 1, DayOfWeek.Sunday)),
        ]);

    /// <summary>The Pacific calendar date of <paramref name="instant"/>: the quota day its requests count against.</summary>
    public static DateOnly Of(DateTimeOffset instant, TimeZoneInfo? zone = null) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone ?? Zone).DateTime);

    /// <summary>The next midnight Pacific after <paramref name="instant"/>, when the quota is new again.</summary>
    public static DateTimeOffset NextReset(DateTimeOffset instant, TimeZoneInfo? zone = null)
    {
        var pacific = zone ?? Zone;

        // Midnight is never skipped or repeated in this zone (the clocks change at 02:00), so the conversion is exact.
        var midnight = Of(instant, pacific).AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(midnight, pacific), TimeSpan.Zero);
    }

    private static TimeZoneInfo Load()
    {
        try
        {
            // IANA ids resolve from /usr/share/zoneinfo on Linux even with InvariantGlobalization (ICU is only needed
            // for Windows ids and display names).
            return TimeZoneInfo.FindSystemTimeZoneById(ZoneId);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return Fallback;
        }
    }
}
