using Collector.Core.Collection;
using Collector.Core.Platforms;

namespace Collector.Core.Tests.Collection;

public sealed class BackoffScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 5)]
    [InlineData(2, 15)]
    [InlineData(3, 30)]
    [InlineData(4, 60)]
    [InlineData(5, 180)]
    [InlineData(6, 360)]
    [InlineData(7, 720)]
    [InlineData(8, 1440)]
    [InlineData(9, 1440)]
    [InlineData(1_000, 1440)]
    public void Delay_GrowsAlongTheTableAndStaysAtADay(int failures, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), BackoffSchedule.Delay(failures));

    [Theory]
    [InlineData(PlatformErrorKind.NotFound)]
    [InlineData(PlatformErrorKind.Suspended)]
    public void NextAttempt_OfAGoneAccount_IsADayLater_EvenAfterTheFirstFailure(PlatformErrorKind kind) =>
        Assert.Equal(Now.AddDays(1), BackoffSchedule.NextAttempt(new PlatformError(kind, "gone"), 1, Now));

    [Fact]
    public void NextAttempt_OfAnOrdinaryFailure_FollowsTheCount() =>
        Assert.Equal(Now.AddMinutes(30), BackoffSchedule.NextAttempt(new PlatformError(PlatformErrorKind.Unavailable, "503"), 3, Now));

    [Fact]
    public void NextAttempt_HonoursALaterAnnouncedReset_ButNotAnEarlierOne()
    {
        var late = new PlatformError(PlatformErrorKind.RateLimited, "429", Now.AddHours(2));
        var early = new PlatformError(PlatformErrorKind.RateLimited, "429", Now.AddMinutes(1));

        Assert.Equal(Now.AddHours(2), BackoffSchedule.NextAttempt(late, 1, Now));
        Assert.Equal(Now.AddMinutes(5), BackoffSchedule.NextAttempt(early, 1, Now));
    }
}
