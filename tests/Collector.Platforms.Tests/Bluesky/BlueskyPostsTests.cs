using Collector.Core.Metrics;
using Collector.Core.Platforms;
using Collector.TestKit.Fakes;

namespace Collector.Platforms.Tests.Bluesky;

public sealed class BlueskyPostsTests
{
    private static readonly DateTimeOffset Noon = new(2024, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetRecentPosts_AsksForPostsWithoutReplies_ByDid_WithTheCountAsLimit()
    {
        await using var harness = await BlueskyHarness.StartAsync();
        var alice = harness.Server.AddAccount(FakeBlueskyAccount.Numbered(1));
        harness.Server.AddPost(alice.Did, new FakeBlueskyPost("p1", Noon));

        await harness.Client.GetRecentPostsAsync(Profile(alice), 12, CancellationToken.None);

        var request = Assert.Single(harness.Server.RequestsTo(FakeBluesky.GetAuthorFeedPath));
        Assert.Equal(alice.Did, request.QueryValue("actor"));
        Assert.Equal("posts_no_replies", request.QueryValue("filter"));
        Assert.Equal("12", request.QueryValue("limit"));
        Assert.Null(request.QueryValue("cursor"));
    }

    [Fact]
    public async Task GetRecentPosts_SkipsRepostsOfOtherPeoplesPosts()
    {
        await using var harness = await BlueskyHarness.StartAsync();
        var alice = harness.Server.AddAccount(FakeBlueskyAccount.Numbered(1));
        var bob = harness.Server.AddAccount(FakeBlueskyAccount.Numbered(2));
        harness.Server.AddPost(alice.Did, new FakeBlueskyPost("own-old", Noon.AddHours(-2)) { Likes = 402, Replies = 12, Reposts = 31, Quotes = 2 });
        harness.Server.AddRepost(alice.Did, bob.Did, new FakeBlueskyPost("bobs", Noon.AddHours(-5)) { Likes = 99_999 }, repostedAt: Noon.AddHours(-1));
        harness.Server.AddPost(alice.Did, new FakeBlueskyPost("own-new", Noon));

        var outcome = await harness.Client.GetRecentPostsAsync(Profile(alice), 10, CancellationToken.None);

        Assert.Null(outcome.Error);
        Assert.Equal(
            [$"at://{alice.Did}/app.bsky.feed.post/own-new", $"at://{alice.Did}/app.bsky.feed.post/own-old"],
            outcome.Posts.Select(p => p.PostId));
        Assert.Equal(
            new PostMetrics($"at://{alice.Did}/app.bsky.feed.post/own-old", Noon.AddHours(-2), 402, 12, 31, 2, null),
            outcome.Posts[1]);
    }

    [Fact]
    public async Task GetRecentPosts_SkipsTheAccountsRepostsOfItsOwnPosts()
    {
        await using var harness = await BlueskyHarness.StartAsync();
        var alice = harness.Server.AddAccount(FakeBlueskyAccount.Numbered(1));
        var old = new FakeBlueskyPost("old", Noon.AddHours(-5));
        harness.Server.AddPost(alice.Did, old);
        harness.Server.AddPost(alice.Did, new FakeBlueskyPost("mid", Noon.AddHours(-1)));
        harness.Server.AddRepost(alice.Did, alice.Did, old, repostedAt: Noon);

        var outcome = await harness.Client.GetRecentPostsAsync(Profile(alice), 1, CancellationToken.None);

        Assert.Equal($"at://{alice.Did}/app.bsky.feed.post/mid", Assert.Single(outcome.Posts).PostId);
    }

    [Fact]
    public async Task GetRecentPosts_PagesWithTheCursor_UntilTheCountIsReached()
    {
        await using var harness = await BlueskyHarness.StartAsync();
        var alice = harness.Server.AddAccount(FakeBlueskyAccount.Numbered(1));
        for (var i = 0; i < 150; i++)
        {
            harness.Server.AddPost(alice.Did, new FakeBlueskyPost($"p{i:D3}", Noon.AddMinutes(-i)));
        }

        var outcome = await harness.Client.GetRecentPostsAsync(Profile(alice), 120, CancellationToken.None);

        Assert.Equal(120, outcome.Posts.Count);
        Assert.Equal(outcome.Posts.OrderByDescending(p => p.CreatedAt), outcome.Posts);
        var requests = harness.Server.RequestsTo(FakeBluesky.GetAuthorFeedPath);
        Assert.Equal(2, requests.Count);
        Assert.Equal(["100", "100"], requests.Select(r => r.QueryValue("limit")));
        Assert.NotNull(requests[1].QueryValue("cursor"));
    }

    [Fact]
    public async Task GetRecentPosts_CountZero_SendsNothing()
    {
        await using var harness = await BlueskyHarness.StartAsync();
        var alice = harness.Server.AddAccount(FakeBlueskyAccount.Numbered(1));

        var outcome = await harness.Client.GetRecentPostsAsync(Profile(alice), 0, CancellationToken.None);

        Assert.Empty(outcome.Posts);
        Assert.Empty(harness.Server.Requests);
    }

    [Fact]
    public async Task GetRecentPosts_AccountTakedown_IsASuspendedOutcome_NotAnException()
    {
        await using var harness = await BlueskyHarness.StartAsync();
        harness.Server.TakenDownFeedAnswer = TakedownFeedAnswer.AccountTakedown;
        var banned = harness.Server.AddAccount(FakeBlueskyAccount.Numbered(1) with { TakenDown = true });

        var outcome = await harness.Client.GetRecentPostsAsync(Profile(banned), 12, CancellationToken.None);

        Assert.Empty(outcome.Posts);
        Assert.Equal(PlatformErrorKind.Suspended, outcome.Error?.Kind);
        Assert.Contains("AccountTakedown", outcome.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(1, harness.Server.CountRequests(FakeBluesky.GetAuthorFeedPath));
    }

    [Fact]
    public async Task GetRecentPosts_ProfileNotFound_IsANotFoundOutcome()
    {
        await using var harness = await BlueskyHarness.StartAsync();
        var banned = harness.Server.AddAccount(FakeBlueskyAccount.Numbered(1) with { TakenDown = true });

        // The current AppView answers a taken-down actor's feed with "Profile not found".
        var outcome = await harness.Client.GetRecentPostsAsync(Profile(banned), 12, CancellationToken.None);

        Assert.Equal(PlatformErrorKind.NotFound, outcome.Error?.Kind);
        Assert.Equal(1, harness.Server.CountRequests(FakeBluesky.GetAuthorFeedPath));
    }

    [Fact]
    public async Task GetRecentPosts_NegativeLikeCount_IsInvalidResponse()
    {
        await using var harness = await BlueskyHarness.StartAsync();
        var alice = harness.Server.AddAccount(FakeBlueskyAccount.Numbered(1));
        harness.Server.AddPost(alice.Did, new FakeBlueskyPost("ok", Noon));
        harness.Server.AddPost(alice.Did, new FakeBlueskyPost("bad", Noon.AddMinutes(-1)) { Likes = -3 });

        var error = await Assert.ThrowsAsync<PlatformException>(
            () => harness.Client.GetRecentPostsAsync(Profile(alice), 12, CancellationToken.None));

        Assert.Equal(PlatformErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("likeCount -3", error.Message, StringComparison.Ordinal);
    }

    private static ProfileMetrics Profile(FakeBlueskyAccount account) =>
        new(account.Did, account.Handle, account.Followers, account.Follows, account.Posts);
}
