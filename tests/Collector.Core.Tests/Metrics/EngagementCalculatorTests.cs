using Collector.Core.Metrics;

namespace Collector.Core.Tests.Metrics;

public sealed class EngagementCalculatorTests
{
    [Fact]
    public void Summarize_AveragesEachCounterAndDividesByFollowers()
    {
        PostMetrics[] posts =
        [
            new("1", null, Likes: 100, Replies: 10, Reposts: 5, Quotes: 5, Views: null),
            new("2", null, Likes: 300, Replies: 30, Reposts: 15, Quotes: 15, Views: null),
        ];

        var summary = EngagementCalculator.Summarize(posts, followers: 10_000);

        Assert.Equal(2, summary.PostsSampled);
        Assert.Equal(200, summary.AvgLikes);
        Assert.Equal(20, summary.AvgReplies);
        Assert.Null(summary.AvgViews);
        Assert.Equal(0.024, summary.EngagementRate!.Value, 10);
    }

    [Fact]
    public void Summarize_WhenACounterIsMissingOnSomePosts_AveragesOverThoseThatReportIt()
    {
        PostMetrics[] posts =
        [
            new("1", null, Likes: null, Replies: 4, Reposts: null, Quotes: null, Views: 1000),
            new("2", null, Likes: 50, Replies: 6, Reposts: null, Quotes: null, Views: 3000),
        ];

        var summary = EngagementCalculator.Summarize(posts, followers: 1_000);

        Assert.Equal(50, summary.AvgLikes);
        Assert.Equal(2000, summary.AvgViews);
        Assert.Equal(0.055, summary.EngagementRate!.Value, 10);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0L)]
    public void Summarize_WhenFollowersUnknownOrZero_HasNoRate(long? followers)
    {
        var summary = EngagementCalculator.Summarize([new("1", null, 5, 0, 0, 0, null)], followers);

        Assert.Null(summary.EngagementRate);
        Assert.Equal(5, summary.AvgLikes);
    }

    [Fact]
    public void Summarize_WhenNoPosts_IsEmpty() =>
        Assert.Equal(EngagementSummary.None, EngagementCalculator.Summarize([], 100));
}
