using Collector.Core.Watchlist;

namespace Collector.Core.Tests.Watchlist;

public sealed class ScheduleParserTests
{
    [Theory]
    [InlineData("every 1m", "every 1m")]
    [InlineData("every 60m", "every 1h")]
    [InlineData("every 48h", "every 2d")]
    [InlineData("every 365d", "every 365d")]
    [InlineData("  every 6h  ", "every 6h")]
    public void TryParse_Interval_ReturnsEvery(string text, string canonical)
    {
        Assert.True(ScheduleParser.TryParse(text, null, out var schedule, out var error));

        Assert.Null(error);
        Assert.IsType<Schedule.Every>(schedule);
        Assert.Equal(canonical, schedule.Text);
    }

    [Theory]
    [InlineData("0 0 6 * * ?")]
    [InlineData("0 15 10 ? * MON-FRI")]
    [InlineData("0 0 12 L * ? 2030")]
    [InlineData("0 0/5 14,18 * JAN,FEB ?")]
    [InlineData("0 11 11 11 11 ?")]
    [InlineData("0 15 10 ? * 6#3")]
    public void TryParse_QuartzCron_PassesTheStructuralCheck(string expression)
    {
        Assert.True(ScheduleParser.TryParse(expression, null, out var schedule, out _));

        Assert.Equal(new Schedule.Cron(expression), schedule);
    }

    [Theory]
    [InlineData("", "schedule is empty; write e.g. 'every 6h' or a Quartz cron expression")]
    [InlineData("every", "invalid schedule 'every'; expected 'every <N>(m|h|d)', e.g. 'every 6h' or 'every 30m'")]
    [InlineData("every 6", "invalid schedule 'every 6'; expected 'every <N>(m|h|d)', e.g. 'every 6h' or 'every 30m'")]
    [InlineData("every 1.5h", "invalid schedule 'every 1.5h'; expected 'every <N>(m|h|d)', e.g. 'every 6h' or 'every 30m'")]
    [InlineData("every 0m", "invalid schedule 'every 0m': the number must be at least 1 (the shortest interval is 1 minute)")]
    [InlineData("every 30s", "invalid schedule 'every 30s': seconds are not supported; the shortest interval is 1 minute (every 1m)")]
    [InlineData("every 2w", "invalid schedule 'every 2w': unknown unit 'w'; use m (minutes), h (hours) or d (days)")]
    [InlineData("every 8761h", "invalid schedule 'every 8761h': the longest interval is 365d")]
    [InlineData("0 0 6 * *", "invalid cron expression '0 0 6 * *': a Quartz cron expression has 6 or 7 fields (seconds first), not 5 as in Unix cron; for '0 0 6 * *' write '0 0 0 6 * ?'")]
    [InlineData("0 0 6 * * 1-5", "invalid cron expression '0 0 6 * * 1-5': exactly one of day-of-month (4th field) and day-of-week (6th field) must be '?', e.g. '0 0 6 * * ?'")]
    [InlineData("0 0 6 ? * ?", "invalid cron expression '0 0 6 ? * ?': exactly one of day-of-month (4th field) and day-of-week (6th field) must be '?', e.g. '0 0 6 * * ?'")]
    [InlineData("0 ? 6 * * ?", "invalid cron expression '0 ? 6 * * ?': '?' is only allowed in the day-of-month or day-of-week field")]
    [InlineData("0 0 6 * * ? 2030 1", "invalid cron expression '0 0 6 * * ? 2030 1': a Quartz cron expression has 6 or 7 fields (seconds minutes hours day-of-month month day-of-week [year]); got 8")]
    [InlineData("0 0 6 * * ?;rm", "invalid cron expression '0 0 6 * * ?;rm': field '?;rm' contains ';'; allowed are letters, digits and *?,-/#")]
    public void TryParse_Invalid_ExplainsWhy(string text, string expected)
    {
        Assert.False(ScheduleParser.TryParse(text, null, out var schedule, out var error));

        Assert.Null(schedule);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryParse_WithValidator_UsesItInsteadOfTheStructuralCheck()
    {
        // The structural check would reject 5 fields; the caller's validator has the last word.
        Assert.True(ScheduleParser.TryParse("0 0 6 * *", _ => null, out var accepted, out _));
        Assert.False(ScheduleParser.TryParse("0 0 6 * * ?", _ => "rejected by Quartz", out _, out var error));

        Assert.Equal(new Schedule.Cron("0 0 6 * *"), accepted);
        Assert.Equal("invalid cron expression '0 0 6 * * ?': rejected by Quartz", error);
    }

    [Fact]
    public void CheckCronStructure_IsTheDefaultValidator()
    {
        Assert.Null(ScheduleParser.CheckCronStructure("0 0 6 * * ?"));
        Assert.NotNull(ScheduleParser.CheckCronStructure("0 0 6 * * *"));
    }
}
