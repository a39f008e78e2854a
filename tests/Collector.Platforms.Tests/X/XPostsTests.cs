using Collector.Core.Metrics;
using Collector.Core.Platforms;
using Collector.TestKit.Fakes;

namespace Collector.Platforms.Tests.X;

public sealed class XPostsTests
{
    private static readonly DateTimeOffset Noon = new(2026, 2, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetRecentPosts_AsksForOriginalPostsWithMetrics_ById()
    {
        await using var harness = await XHarness.StartAsync();
        var alice = harness.Server.AddAccount(FakeXAccount.Numbered(1));
        harness.Server.AddPost(alice.Id, new FakeXPost("1577730467436138524", Noon));

        await harness.Client.GetRecentPostsAsync(Profile(alice), 12, CancellationToken.None);

        var request = Assert.Single(harness.Server.RequestsTo(FakeX.TimelinePath(alice.Id)));
        Assert.Equal("retweets,replies", request.QueryValue("exclude"));
        Assert.Equal("public_metrics,created_at", request.QueryValue("tweet.fields"));
        Assert.Equal("12", request.QueryValue("max_results"));
        Assert.Null(request.QueryValue("pagination_token"));
    }

    [Fact]
    public async Task GetRecentPosts_MapsPublicMetrics_ImpressionsAreViews_NewestFirst()
    {
        await using var harness = await XHarness.StartAsync();
        var alice = harness.Server.AddAccount(FakeXAccount.Numbered(1));
        harness.Server.AddPost(alice.Id, new FakeXPost("100", Noon.AddHours(-3)) { Likes = 38, Replies = 3, Retweets = 7, Quotes = 1, Impressions = 1250 });
        harness.Server.AddPost(alice.Id, new FakeXPost("200", Noon) { Likes = 5, Replies = 0, Retweets = 1, Quotes = 0, Impressions = null });

        var outcome = await harness.Client.GetRecentPostsAsync(Profile(alice), 12, CancellationToken.None);

        Assert.Null(outcome.Error);
        Assert.Equal(
            [new PostMetrics("200", Noon, 5, 0, 1, 0, null), new PostMetrics("100", Noon.AddHours(-3), 38, 3, 7, 1, 1250)],
            outcome.Posts);
    }

    [Fact]
    public async Task GetRecentPosts_LeavesOutRetweetsAndReplies()
    {
        await using var harness = await XHarness.StartAsync();
        var alice = harness.Server.AddAccount(FakeXAccount.Numbered(1));
        harness.Server.AddPost(alice.Id, new FakeXPost("1", Noon.AddMinutes(-3)));
        harness.Server.AddPost(alice.Id, new FakeXPost("2", Noon.AddMinutes(-2)) { IsRetweet = true, Likes = 99_999 });
        harness.Server.AddPost(alice.Id, new FakeXPost("3", Noon.AddMinutes(-1)) { IsReply = true });

        var outcome = await harness.Client.GetRecentPostsAsync(Profile(alice), 12, CancellationToken.None);

        Assert.Equal(["1"], outcome.Posts.Select(p => p.PostId));
    }

    [Theory]
    [InlineData(1, "5", 1)]
    [InlineData(4, "5", 4)]
    [InlineData(5, "5", 5)]
    [InlineData(100, "100", 30)]
    public async Task GetRecentPosts_AsksForAtLeastFive_AndKeepsTheCount(int count, string maxResults, int expected)
    {
        await using var harness = await XHarness.StartAsync();
        var alice = harness.Server.AddAccount(FakeXAccount.Numbered(1));
        for (var i = 0; i < 30; i++)
        {
            harness.Server.AddPost(alice.Id, new FakeXPost($"{1000 + i}", Noon.AddMinutes(-i)));
        }

        var outcome = await harness.Client.GetRecentPostsAsync(Profile(alice), count, CancellationToken.None);

        Assert.Equal(maxResults, Assert.Single(harness.Server.RequestsTo(FakeX.TimelinePath(alice.Id))).QueryValue("max_results"));
        Assert.Equal(expected, outcome.Posts.Count);
        Assert.Equal("1000", outcome.Posts[0].PostId);
    }

    [Fact]
    public async Task GetRecentPosts_MoreThanOnePage_FollowsNextToken()
    {
        await using var harness = await XHarness.StartAsync();
        var alice = harness.Server.AddAccount(FakeXAccount.Numbered(1));
        for (var i = 0; i < 150; i++)
        {
            harness.Server.AddPost(alice.Id, new FakeXPost($"{5000 + i}", Noon.AddMinutes(-i)));
        }

        var outcome = await harness.Client.GetRecentPostsAsync(Profile(alice), 120, CancellationToken.None);

        Assert.Equal(120, outcome.Posts.Count);
        Assert.Equal(120, outcome.Posts.Select(p => p.PostId).Distinct().Count());
        var requests = harness.Server.RequestsTo(FakeX.TimelinePath(alice.Id));
        Assert.Equal(2, requests.Count);
        Assert.NotNull(requests[1].QueryValue("pagination_token"));
    }

    [Fact]
    public async Task GetRecentPosts_NoDataKey_MeansNoPosts()
    {
        await using var harness = await XHarness.StartAsync();
        var quiet = harness.Server.AddAccount(FakeXAccount.Numbered(1));

        var outcome = await harness.Client.GetRecentPostsAsync(Profile(quiet), 12, CancellationToken.None);

        Assert.Empty(outcome.Posts);
        Assert.Null(outcome.Error);
    }

    [Fact]
    public async Task GetRecentPosts_NoDataKey_RecordedShape_MeansNoPosts()
    {
        await using var harness = await XHarness.StartAsync();
        harness.Server.InjectFault(XFaults.Ok("""{"meta":{"result_count":0}}"""));

        var outcome = await harness.Client.GetRecentPostsAsync(new ProfileMetrics("2244994945", "XDevelopers", 1, 1, 1), 12, CancellationToken.None);

        Assert.Empty(outcome.Posts);
        Assert.Null(outcome.Error);
    }

    [Fact]
    public async Task GetRecentPosts_AcceptsRepostCount_TheNewerNameOfRetweetCount()
    {
        await using var harness = await XHarness.StartAsync();
        harness.Server.UsePostNames = true;
        var alice = harness.Server.AddAccount(FakeXAccount.Numbered(1));
        harness.Server.AddPost(alice.Id, new FakeXPost("1", Noon) { Retweets = 77 });

        var outcome = await harness.Client.GetRecentPostsAsync(Profile(alice), 5, CancellationToken.None);

        Assert.Equal(77, Assert.Single(outcome.Posts).Reposts);
    }

    [Fact]
    public async Task GetRecentPosts_ProtectedTimeline_IsAProtectedOutcome_NotAnException()
    {
        await using var harness = await XHarness.StartAsync();
        var locked = harness.Server.AddAccount(FakeXAccount.Numbered(1) with { Protected = true });

        // As if the profile came from somewhere that did not flag it: X's answer alone must be understood.
        var outcome = await harness.Client.GetRecentPostsAsync(Profile(locked), 12, CancellationToken.None);

        Assert.Empty(outcome.Posts);
        Assert.Equal(PlatformErrorKind.Protected, outcome.Error?.Kind);
        Assert.Contains("not authorized to see the user", outcome.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(1, harness.Server.CountRequests(FakeX.TimelinePath(locked.Id)));
    }

    [Fact]
    public async Task GetRecentPosts_ProfileFlaggedProtectedByLookup_SendsNoRequest()
    {
        await using var harness = await XHarness.StartAsync();
        var locked = harness.Server.AddAccount(FakeXAccount.Numbered(1) with { Protected = true });
        var profile = (await harness.Client.ResolveAsync([locked.Username], CancellationToken.None)).Single().Profile!;

        var outcome = await harness.Client.GetRecentPostsAsync(profile, 12, CancellationToken.None);

        Assert.Equal(PlatformErrorKind.Protected, outcome.Error?.Kind);
        Assert.Equal(0, harness.Server.CountRequests(FakeX.TimelinePath(locked.Id)));
    }

    [Fact]
    public async Task GetRecentPosts_SuspendedOrUnknownUser_AreAccountOutcomes()
    {
        await using var harness = await XHarness.StartAsync();
        var banned = harness.Server.AddAccount(FakeXAccount.Numbered(1) with { Suspended = true });

        var suspended = await harness.Client.GetRecentPostsAsync(Profile(banned), 12, CancellationToken.None);
        var unknown = await harness.Client.GetRecentPostsAsync(new ProfileMetrics("424242", "gone", null, null, null), 12, CancellationToken.None);

        Assert.Equal(PlatformErrorKind.Suspended, suspended.Error?.Kind);
        Assert.Equal(PlatformErrorKind.NotFound, unknown.Error?.Kind);
    }

    [Fact]
    public async Task GetRecentPosts_Http404_IsAnInvalidResponse_NotAVanishedAccount()
    {
        await using var harness = await XHarness.StartAsync();
        var alice = harness.Server.AddAccount(FakeXAccount.Numbered(1));
        harness.Server.InjectFault(FakeFault.Status(404, """{"errors":[{"message":"Sorry, that page does not exist","code":34}]}"""));

        var error = await Assert.ThrowsAsync<PlatformException>(
            () => harness.Client.GetRecentPostsAsync(Profile(alice), 12, CancellationToken.None));

        Assert.Equal(PlatformErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("Sorry, that page does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetRecentPosts_UnknownProblemWithoutData_IsAnInvalidResponse()
    {
        await using var harness = await XHarness.StartAsync();
        harness.Server.InjectFault(XFaults.Ok("""{"errors":[{"title":"Something New","detail":"new rule","type":"https://api.x.com/2/problems/something-new","value":"17"}]}"""));

        var error = await Assert.ThrowsAsync<PlatformException>(
            () => harness.Client.GetRecentPostsAsync(new ProfileMetrics("17", "jack", 1, 1, 1), 12, CancellationToken.None));

        Assert.Equal(PlatformErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("Something New", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetRecentPosts_NonNumericId_IsNotPutInThePath()
    {
        await using var harness = await XHarness.StartAsync();

        var outcome = await harness.Client.GetRecentPostsAsync(new ProfileMetrics("../../2/users/by", "x", null, null, null), 12, CancellationToken.None);

        Assert.Equal(PlatformErrorKind.NotFound, outcome.Error?.Kind);
        Assert.Empty(harness.Server.Requests);
    }

    [Fact]
    public async Task GetRecentPosts_CountZero_SendsNothing()
    {
        await using var harness = await XHarness.StartAsync();
        var alice = harness.Server.AddAccount(FakeXAccount.Numbered(1));

        var outcome = await harness.Client.GetRecentPostsAsync(Profile(alice), 0, CancellationToken.None);

        Assert.Empty(outcome.Posts);
        Assert.Empty(harness.Server.Requests);
    }

    [Fact]
    public async Task GetRecentPosts_NegativeLikeCount_IsInvalidResponse()
    {
        await using var harness = await XHarness.StartAsync();
        var alice = harness.Server.AddAccount(FakeXAccount.Numbered(1));
        harness.Server.AddPost(alice.Id, new FakeXPost("1", Noon));
        harness.Server.AddPost(alice.Id, new FakeXPost("2", Noon.AddMinutes(-1)) { Likes = -3 });

        var error = await Assert.ThrowsAsync<PlatformException>(
            () => harness.Client.GetRecentPostsAsync(Profile(alice), 12, CancellationToken.None));

        Assert.Equal(PlatformErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("like_count -3", error.Message, StringComparison.Ordinal);
    }

    private static ProfileMetrics Profile(FakeXAccount account) =>
        new(account.Id, account.Username, account.Followers, account.Following, account.Tweets);
}
