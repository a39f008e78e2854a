using Collector.Platforms.YouTube;

namespace Collector.Platforms.Tests.YouTube;

/// <summary>
/// YouTube's quota day turns at midnight America/Los_Angeles: 08:00 UTC in winter, 07:00 UTC in summer. These run
/// with InvariantGlobalization, as the product does.
/// </summary>
public sealed class PacificQuotaDayTests
{
    public static TheoryData<string, string, string> Instants => new()
    {
        // instant (UTC), its Pacific quota day, the next reset (UTC)
        { "2025-01-15T07:59:59Z", "2025-01-14", "2025-01-15T08:00:00Z" },
        { "2025-01-15T08:00:00Z", "2025-01-15", "2025-01-16T08:00:00Z" },
        { "2025-07-01T06:59:59Z", "2025-06-30", "2025-07-01T07:00:00Z" },
        { "2025-07-01T07:00:00Z", "2025-07-01", "2025-07-02T07:00:00Z" },

        // Spring forward (Sunday 2025-03-09): Saturday's day still ends at 08:00Z; Sunday is 23 hours long.
        { "2025-03-09T07:30:00Z", "2025-03-08", "2025-03-09T08:00:00Z" },
        { "2025-03-09T20:00:00Z", "2025-03-09", "2025-03-10T07:00:00Z" },

        // Fall back (Sunday 2025-11-02): Saturday's day ends at 07:00Z; Sunday is 25 hours long.
        { "2025-11-02T06:59:59Z", "2025-11-01", "2025-11-02T07:00:00Z" },
        { "2025-11-02T09:30:00Z", "2025-11-02", "2025-11-03T08:00:00Z" },
    };

    [Theory]
    [MemberData(nameof(Instants))]
    public void QuotaDay_AndNextReset_FollowLosAngelesTime(string instant, string day, string reset)
    {
        var at = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

        foreach (var zone in new[] { PacificQuotaDay.Zone, PacificQuotaDay.Fallback })
        {
            Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), PacificQuotaDay.Of(at, zone));
            Assert.Equal(DateTimeOffset.Parse(reset, System.Globalization.CultureInfo.InvariantCulture), PacificQuotaDay.NextReset(at, zone));
        }
    }

    [Fact]
    public void TheSystemZone_IsFoundWhereTzdataIsInstalled_EvenWithInvariantGlobalization()
    {
        if (!File.Exists("/usr/share/zoneinfo/America/Los_Angeles"))
        {
            Assert.Same(PacificQuotaDay.Fallback, PacificQuotaDay.Zone);
            return;
        }

        Assert.NotSame(PacificQuotaDay.Fallback, PacificQuotaDay.Zone);
        Assert.Equal(PacificQuotaDay.ZoneId, PacificQuotaDay.Zone.Id);
    }

    [Fact]
    public void TheFallbackRules_AgreeWithTheSystemZone_HourByHour_2024To2027()
    {
        for (var at = new DateTimeOffset(2024, 1, 1, 0, 30, 0, TimeSpan.Zero); at.Year < 2028; at = at.AddHours(1))
        {
            Assert.Equal(PacificQuotaDay.NextReset(at, PacificQuotaDay.Zone), PacificQuotaDay.NextReset(at, PacificQuotaDay.Fallback));
        }
    }
}
