using Collector.Core.Metrics;
using Collector.Core.Platforms;
using Collector.TestKit.Fakes;

namespace Collector.Platforms.Tests.Mastodon;

public sealed class MastodonPostsTests
{
    private static readonly DateTimeOffset Noon = new(2019, 12, 8, 12, 0, 0, TimeSpan.Zero);
    private static readonly ProfileMetrics Gargron = new("1@mastodon.social", "Gargron@mastodon.social", 318_699, 453, 61_013);

    [Fact]
    public async Task GetRecentPosts_AsksTheHomeInstanceForOriginalStatuses_WithTheCountAsLimit()
    {
        await using var harness = await MastodonHarness.StartAsync();
        Arrange(harness.SocialInstance);

        await harness.Client.GetRecentPostsAsync(Gargron, 12, CancellationToken.None);

        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal(FakeMastodon.PathOn(MastodonHarness.Social, "/api/v1/accounts/1/statuses"), request.Path);
        Assert.Equal(("true", "true", "12"), (request.QueryValue("exclude_replies"), request.QueryValue("exclude_reblogs"), request.QueryValue("limit")));
        Assert.Null(request.QueryValue("max_id"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetRecentPosts_NeverCountsABoostOrAReply(bool serverIgnoresFilters)
    {
        await using var harness = await MastodonHarness.StartAsync();
        var instance = harness.SocialInstance;
        Arrange(instance);
        instance.IgnoresExcludeFilters = serverIgnoresFilters;

        var outcome = await harness.Client.GetRecentPostsAsync(Gargron, 10, CancellationToken.None);

        // The self-reply in a thread comes back even with exclude_replies (Mastodon only drops replies to others).
        Assert.Null(outcome.Error);
        Assert.Equal(["103270115826048975", "103270115826048000"], outcome.Posts.Select(p => p.PostId));
        Assert.Equal(new PostMetrics("103270115826048975", Noon, 11, 5, 6, 2, null), outcome.Posts[0]);
    }

    [Fact]
    public async Task GetRecentPosts_AbsentFavouritesAndQuotes_StayNull()
    {
        await using var harness = await MastodonHarness.StartAsync();
        harness.SocialInstance.AddAccount(new FakeMastodonAccount("1", "Gargron"));
        harness.SocialInstance.AddStatus("1", new FakeMastodonStatus("100", Noon) { Favourites = null, Quotes = null, Replies = 3, Reblogs = 4 });

        var post = Assert.Single((await harness.Client.GetRecentPostsAsync(Gargron, 5, CancellationToken.None)).Posts);

        Assert.Equal(new PostMetrics("100", Noon, null, 3, 4, null, null), post);
    }

    [Fact]
    public async Task GetRecentPosts_BeyondFortyStatuses_PagesWithMaxId()
    {
        await using var harness = await MastodonHarness.StartAsync();
        harness.SocialInstance.AddAccount(new FakeMastodonAccount("1", "Gargron"));
        for (var i = 1; i <= 60; i++)
        {
            harness.SocialInstance.AddStatus("1", new FakeMastodonStatus((1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), Noon.AddMinutes(i)));
        }

        var outcome = await harness.Client.GetRecentPostsAsync(Gargron, 50, CancellationToken.None);

        Assert.Equal(50, outcome.Posts.Count);
        Assert.Equal("1060", outcome.Posts[0].PostId);
        Assert.Equal("1011", outcome.Posts[^1].PostId);
        var requests = harness.Server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal("40", requests[0].QueryValue("limit"));
        Assert.Equal("1021", requests[1].QueryValue("max_id"));
    }

    [Fact]
    public async Task GetRecentPosts_StopsAtAShortPage()
    {
        await using var harness = await MastodonHarness.StartAsync();
        Arrange(harness.SocialInstance);

        var outcome = await harness.Client.GetRecentPostsAsync(Gargron, 40, CancellationToken.None);

        Assert.Equal(2, outcome.Posts.Count);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task GetRecentPosts_OfAnAccountThatIsGone_IsAnOutcomeNotAFailedRound()
    {
        await using var harness = await MastodonHarness.StartAsync();

        var outcome = await harness.Client.GetRecentPostsAsync(Gargron, 5, CancellationToken.None);

        Assert.Empty(outcome.Posts);
        Assert.Equal(PlatformErrorKind.NotFound, outcome.Error?.Kind);
    }

    /// <summary>Two own statuses, a boost of someone else's, a reply to someone else, and a reply in an own thread.</summary>
    private static void Arrange(FakeMastodonInstance instance)
    {
        instance.AddAccount(new FakeMastodonAccount("1", "Gargron"));
        instance.AddAccount(new FakeMastodonAccount("2", "bob"));
        instance.AddStatus("1", new FakeMastodonStatus("103270115826048000", Noon.AddHours(-3)));
        instance.AddStatus("2", new FakeMastodonStatus("103270115826047000", Noon.AddHours(-5)) { Favourites = 99_999 });
        instance.AddBoost("1", "103270115826048500", Noon.AddHours(-1), "2", new FakeMastodonStatus("103270115826047000", Noon.AddHours(-5)) { Favourites = 99_999 });
        instance.AddStatus("1", new FakeMastodonStatus("103270115826048975", Noon));
        instance.AddStatus("1", new FakeMastodonStatus("103270115826049000", Noon.AddMinutes(5))
        {
            Favourites = 50_000, InReplyToId = "103270115826048975", InReplyToAccountId = "1",
        });
        instance.AddStatus("1", new FakeMastodonStatus("103270115826049500", Noon.AddMinutes(10))
        {
            Favourites = 70_000, InReplyToId = "103270115826047000", InReplyToAccountId = "2",
        });
    }
}
