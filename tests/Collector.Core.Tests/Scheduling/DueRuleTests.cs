using Collector.Core.Platforms;
using Collector.Core.Scheduling;
using Collector.Core.Storage;
using Collector.Core.Watchlist;
using Collector.TestKit.Builders;
using Microsoft.Extensions.Time.Testing;

namespace Collector.Core.Tests.Scheduling;

public sealed class DueRuleTests
{
    private static readonly Schedule SixHours = new Schedule.Every(TimeSpan.FromHours(6));
    private static readonly Schedule Hourly = new Schedule.Cron("0 0 * * * ?");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 10, 20, 0, TimeSpan.Zero));
    private readonly DueRule _rule = new(new ScheduleSlots(HourlyCron));

    private DateTimeOffset Now => _clock.GetUtcNow();

    [Fact]
    public void DueAt_WhenNeverAttempted_IsNow()
    {
        Assert.Equal(Now, _rule.DueAt(Account("new.example.com"), null, Now));
    }

    [Fact]
    public void DueAt_AfterASuccess_IsOneIntervalLater()
    {
        var state = Success(Now.AddHours(-1));

        Assert.Equal(Now.AddHours(5), _rule.DueAt(Account("fresh.example.com"), state, Now));
    }

    [Fact]
    public void SelectDue_AfterARestart_TakesOverdueAccountsAndLeavesFreshOnesForTheirSlot()
    {
        var overdue = Account("overdue.example.com");
        var fresh = Account("fresh.example.com");
        var neverSeen = Account("never.example.com");
        var history = History((overdue, Success(Now.AddHours(-7))), (fresh, Success(Now.AddMinutes(-30))));

        var due = _rule.SelectDue([overdue, fresh, neverSeen], history, Now);

        Assert.Equal([overdue, neverSeen], due);
        Assert.Equal(Now, _rule.NextRound([overdue, fresh], history, Now));
        Assert.Equal(Now.AddMinutes(330), _rule.NextRound([fresh], history, Now));
    }

    [Fact]
    public void DueAt_WhenThePlatformNamedARetryTime_IsThatTimeEvenBeforeTheNextSlot()
    {
        var state = Failure(Now.AddMinutes(-5), retryAt: Now.AddMinutes(10));

        Assert.Equal(Now.AddMinutes(10), _rule.DueAt(Account("limited.example.com"), state, Now));
    }

    [Fact]
    public void DueAt_AfterAFailureWithoutRetryTime_CountsFromTheAttemptNotFromTheOldSuccess()
    {
        var state = Failure(Now.AddHours(-1), retryAt: null) with { LastSuccessAt = Now.AddDays(-2) };

        Assert.Equal(Now.AddHours(5), _rule.DueAt(Account("gone.example.com"), state, Now));
    }

    [Fact]
    public void DueAt_WhenTheLastAttemptIsInTheFuture_CountsFromNow()
    {
        // The clock was set back by a day after the last attempt.
        var state = Success(Now.AddDays(1));

        Assert.Equal(Now.AddHours(6), _rule.DueAt(Account("skewed.example.com"), state, Now));
    }

    [Fact]
    public void DueAt_Cron_WhenASlotPassedSinceTheLastAttempt_IsThatMissedSlot()
    {
        var account = Account("cron.example.com", Hourly);

        var due = _rule.DueAt(account, Success(Now.AddMinutes(-75)), Now);

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), due);
        Assert.Equal([account], _rule.SelectDue([account], History((account, Success(Now.AddMinutes(-75)))), Now));
    }

    [Fact]
    public void DueAt_Cron_WhenNoSlotPassedSinceTheLastAttempt_IsTheNextSlot()
    {
        var account = Account("cron.example.com", Hourly);
        var history = History((account, Success(Now.AddMinutes(-15))));

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 11, 0, 0, TimeSpan.Zero), _rule.DueAt(account, history.For(account), Now));
        Assert.Empty(_rule.SelectDue([account], history, Now));
    }

    [Fact]
    public void SelectDue_TakesAccountsDueWithinTheCoalesceWindow_ButNoLater()
    {
        var dueNow = Account("a.example.com");
        var dueSoon = Account("b.example.com");
        var dueLater = Account("c.example.com");
        var history = History(
            (dueNow, Success(Now.AddHours(-6))),
            (dueSoon, Success(Now.AddHours(-6).AddMinutes(4))),
            (dueLater, Success(Now.AddHours(-6).AddMinutes(6))));

        Assert.Equal([dueNow, dueSoon], _rule.SelectDue([dueNow, dueSoon, dueLater], history, Now));
    }

    [Fact]
    public void NextRound_WhenThereAreNoAccounts_IsNull()
    {
        Assert.Null(_rule.NextRound([], AttemptHistory.Empty, Now));
    }

    [Theory]
    [InlineData("every 6h", 300)]
    [InlineData("every 10m", 30)]
    [InlineData("every 1m", 3)]
    [InlineData("0 0 * * * ?", 0)]
    public void CoalesceWindow_IsAtMostFiveMinutesAndZeroForCron(string text, int seconds)
    {
        Assert.True(ScheduleParser.TryParse(text, null, out var schedule, out _));

        Assert.Equal(TimeSpan.FromSeconds(seconds), ScheduleSlots.CoalesceWindow(schedule));
    }

    private static WatchedAccount Account(string handle, Schedule? schedule = null) =>
        WatchedAccountBuilder.Account(PlatformKeys.Bluesky, handle, schedule: schedule ?? SixHours);

    private static CollectionStateRecord Success(DateTimeOffset at) => new(at, at, 0, null, null, null);

    private static CollectionStateRecord Failure(DateTimeOffset at, DateTimeOffset? retryAt) =>
        new(at, null, 1, nameof(PlatformErrorKind.RateLimited), "slow down", retryAt);

    private static AttemptHistory History(params (WatchedAccount Account, CollectionStateRecord State)[] entries) =>
        AttemptHistory.From(entries.Select(e => new WatchEntryState(e.Account.Platform, e.Account.Key, e.State)));

    /// <summary>Stands in for Quartz's "0 0 * * * ?": the next whole hour strictly after the instant.</summary>
    private static DateTimeOffset? HourlyCron(string expression, DateTimeOffset instant)
    {
        Assert.Equal("0 0 * * * ?", expression);
        var hour = new DateTimeOffset(instant.Year, instant.Month, instant.Day, instant.Hour, 0, 0, instant.Offset);
        return hour.AddHours(1);
    }
}
