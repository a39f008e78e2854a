using Collector.Core.Metrics;
using Collector.Core.Platforms;
using Collector.TestKit.Fakes;

namespace Collector.Platforms.Tests.YouTube;

public sealed class YouTubePostsTests
{
    private static readonly DateTimeOffset Published = new(2025, 3, 1, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetRecentPosts_ReadsTheUploadsPlaylist_ThenAllTheirStatisticsInOneRequest()
    {
        await using var harness = await YouTubeHarness.StartAsync();
        var channel = harness.Server.AddChannel(FakeYouTubeChannel.Numbered(1));
        for (var i = 0; i < 5; i++)
        {
            harness.Server.AddVideo(channel.Id, new FakeYouTubeVideo($"video{i}", Published.AddDays(i)) { Likes = 100 + i, Comments = 10 + i, Views = 1000 + i });
        }

        var outcome = await harness.Client.GetRecentPostsAsync(Profile(channel), 3, CancellationToken.None);

        Assert.Null(outcome.Error);
        Assert.Equal(
            [
                new PostMetrics("video4", Published.AddDays(4), 104, 14, null, null, 1004),
                new PostMetrics("video3", Published.AddDays(3), 103, 13, null, null, 1003),
                new PostMetrics("video2", Published.AddDays(2), 102, 12, null, null, 1002),
            ],
            outcome.Posts);
        var playlist = Assert.Single(harness.Server.RequestsTo(FakeYouTube.PlaylistItemsPath));
        Assert.Equal(("contentDetails", channel.UploadsPlaylistId, "3"), (playlist.QueryValue("part"), playlist.QueryValue("playlistId"), playlist.QueryValue("maxResults")));
        var videos = Assert.Single(harness.Server.RequestsTo(FakeYouTube.VideosPath));
        Assert.Equal(("statistics", "video4,video3,video2"), (videos.QueryValue("part"), videos.QueryValue("id")));
        Assert.All(harness.Server.Requests, r => Assert.Equal(YouTubeHarness.Key, r.Header("X-Goog-Api-Key")));
    }

    [Fact]
    public async Task HiddenLikes_AndDisabledComments_StayNull_AndPrivateVideosAreLeftOut()
    {
        await using var harness = await YouTubeHarness.StartAsync();
        var channel = harness.Server.AddChannel(FakeYouTubeChannel.Numbered(1));
        harness.Server.AddVideo(channel.Id, new FakeYouTubeVideo("likesHidden", Published) { Likes = null, Comments = 4 });
        harness.Server.AddVideo(channel.Id, new FakeYouTubeVideo("private", Published.AddHours(1)) { Private = true });
        harness.Server.AddVideo(channel.Id, new FakeYouTubeVideo("noComments", Published.AddHours(2)) { Likes = 9, Comments = null });

        var outcome = await harness.Client.GetRecentPostsAsync(Profile(channel), 12, CancellationToken.None);

        Assert.Equal(["noComments", "likesHidden"], outcome.Posts.Select(p => p.PostId));
        Assert.Equal((9L, (long?)null), (outcome.Posts[0].Likes!.Value, outcome.Posts[0].Replies));
        Assert.Equal(((long?)null, 4L), (outcome.Posts[1].Likes, outcome.Posts[1].Replies!.Value));
    }

    [Fact]
    public async Task MoreThanFiftyPosts_PageThroughThePlaylist_AndSplitTheVideoRequests()
    {
        await using var harness = await YouTubeHarness.StartAsync();
        var channel = harness.Server.AddChannel(FakeYouTubeChannel.Numbered(1));
        for (var i = 0; i < 80; i++)
        {
            harness.Server.AddVideo(channel.Id, new FakeYouTubeVideo($"v{i:D3}", Published.AddHours(i)));
        }

        var outcome = await harness.Client.GetRecentPostsAsync(Profile(channel), 60, CancellationToken.None);

        Assert.Equal(60, outcome.Posts.Count);
        Assert.Equal("v079", outcome.Posts[0].PostId);
        var pages = harness.Server.RequestsTo(FakeYouTube.PlaylistItemsPath);
        Assert.Equal(["50", "10"], pages.Select(p => p.QueryValue("maxResults")));
        Assert.NotNull(pages[1].QueryValue("pageToken"));
        Assert.Equal([50, 10], harness.Server.RequestsTo(FakeYouTube.VideosPath).Select(r => r.QueryValue("id")!.Split(',').Length));
    }

    [Fact]
    public async Task AChannelWithoutUploads_HasNoPosts_AndNeedsNoVideosRequest()
    {
        await using var harness = await YouTubeHarness.StartAsync();
        var channel = harness.Server.AddChannel(FakeYouTubeChannel.Numbered(1));

        var outcome = await harness.Client.GetRecentPostsAsync(Profile(channel), 12, CancellationToken.None);

        Assert.Empty(outcome.Posts);
        Assert.Null(outcome.Error);
        Assert.Equal(0, harness.Server.CountRequests(FakeYouTube.VideosPath));
    }

    [Fact]
    public async Task AnUploadsPlaylistThatIsGone_IsAnOutcome_NotAFailedRound()
    {
        await using var harness = await YouTubeHarness.StartAsync();

        var outcome = await harness.Client.GetRecentPostsAsync(Profile(FakeYouTubeChannel.Numbered(9)), 12, CancellationToken.None);

        Assert.Empty(outcome.Posts);
        Assert.Equal(PlatformErrorKind.NotFound, outcome.Error?.Kind);
    }

    [Fact]
    public async Task WithoutAnUploadsPlaylist_NothingIsRequested()
    {
        await using var harness = await YouTubeHarness.StartAsync();
        var channel = harness.Server.AddChannel(FakeYouTubeChannel.Numbered(1));

        var outcome = await harness.Client.GetRecentPostsAsync(Profile(channel) with { PostsRef = null }, 12, CancellationToken.None);

        Assert.NotNull(outcome.Error);
        Assert.Empty(harness.Server.Requests);
    }

    private static ProfileMetrics Profile(FakeYouTubeChannel channel) =>
        new(channel.Id, channel.Handle, channel.Subscribers, null, channel.Videos, DataQuality.FollowersRounded, channel.UploadsPlaylistId);
}
