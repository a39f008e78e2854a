using Collector.Core.Metrics;
using Collector.Core.Platforms;
using Collector.TestKit.Fakes;

namespace Collector.Platforms.Tests.YouTube;

public sealed class YouTubeProfilesTests
{
    [Fact]
    public async Task Resolve_AHandle_AsksForOneHandle_WithTheKeyInTheHeaderOnly()
    {
        await using var harness = await YouTubeHarness.StartAsync();
        var channel = harness.Server.AddChannel(new FakeYouTubeChannel("UC_x5XG1OV2P6uZZ5FSM9Ttw", "@GoogleDevelopers"));

        var outcome = Assert.Single(await harness.Client.ResolveAsync(["@googledevelopers"], CancellationToken.None));

        Assert.Equal(
            ProfileOutcome.Found("@googledevelopers", new ProfileMetrics(
                channel.Id, "@googledevelopers", 713, null, 55, DataQuality.FollowersRounded, "UU_x5XG1OV2P6uZZ5FSM9Ttw")),
            outcome);
        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal(FakeYouTube.ChannelsPath, request.Path);
        Assert.Equal("@googledevelopers", request.QueryValue("forHandle"));
        Assert.Equal("snippet,statistics,contentDetails", request.QueryValue("part"));
        Assert.Equal(YouTubeHarness.Key, request.Header("X-Goog-Api-Key"));
        Assert.Null(request.QueryValue("key"));
        Assert.DoesNotContain(YouTubeHarness.Key, request.RawTarget, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_AChannelIdFromTheWatchlist_LooksItUpById()
    {
        await using var harness = await YouTubeHarness.StartAsync();
        var channel = harness.Server.AddChannel(FakeYouTubeChannel.Numbered(1));

        var outcome = Assert.Single(await harness.Client.ResolveAsync([channel.Id], CancellationToken.None));

        Assert.Equal(channel.Id, outcome.Profile?.PlatformId);
        Assert.Equal("@channel1", outcome.Profile?.Handle);
        Assert.Equal(channel.Id, Assert.Single(harness.Server.Requests).QueryValue("id"));
    }

    [Fact]
    public async Task UnknownHandle_Http200WithoutItems_IsNotFound()
    {
        await using var harness = await YouTubeHarness.StartAsync();

        var outcome = Assert.Single(await harness.Client.ResolveAsync(["@nobody-here"], CancellationToken.None));

        Assert.Null(outcome.Profile);
        Assert.Equal(PlatformErrorKind.NotFound, outcome.Error?.Kind);
        Assert.Contains("@nobody-here", outcome.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneHundredTwentyTrackedChannels_AreRefreshedInThreeRequests()
    {
        await using var harness = await YouTubeHarness.StartAsync();
        var channels = Enumerable.Range(1, 120).Select(i => harness.Server.AddChannel(FakeYouTubeChannel.Numbered(i) with { Subscribers = 1000 + i })).ToList();
        var ids = channels.Select(c => c.Id).ToList();

        var outcomes = await harness.Client.GetProfilesAsync(ids, CancellationToken.None);

        Assert.Equal(ids, outcomes.Select(o => o.Key));
        Assert.All(outcomes, o => Assert.Equal(1000 + int.Parse(o.Key[2..8], System.Globalization.CultureInfo.InvariantCulture), o.Profile?.Followers));
        Assert.All(outcomes, o => Assert.Equal("UU" + o.Key[2..], o.Profile?.PostsRef));
        var requests = harness.Server.RequestsTo(FakeYouTube.ChannelsPath);
        Assert.Equal([50, 50, 20], requests.Select(r => r.QueryValue("id")!.Split(',').Length));
        Assert.Equal(ids, requests.SelectMany(r => r.QueryValue("id")!.Split(',')));
        Assert.Equal(3, (await harness.UsageAsync(new DateOnly(2025, 3, 8))).Units);
    }

    [Fact]
    public async Task GetProfiles_AChannelMissingFromTheAnswer_IsNotFound_TheOthersAreRead()
    {
        await using var harness = await YouTubeHarness.StartAsync();
        var kept = harness.Server.AddChannel(FakeYouTubeChannel.Numbered(1));
        var gone = FakeYouTubeChannel.Numbered(2);

        var outcomes = await harness.Client.GetProfilesAsync([gone.Id, kept.Id], CancellationToken.None);

        Assert.Equal(PlatformErrorKind.NotFound, outcomes[0].Error?.Kind);
        Assert.Equal(kept.Id, outcomes[1].Profile?.PlatformId);
    }

    [Fact]
    public async Task CountsSentAsStrings_AreReadAsNumbers_BeyondThirtyTwoBits()
    {
        await using var harness = await YouTubeHarness.StartAsync();
        var channel = harness.Server.AddChannel(FakeYouTubeChannel.Numbered(1) with { Subscribers = 3_120_000_000, Videos = 4_000_000_001 });

        var profile = Assert.Single(await harness.Client.GetProfilesAsync([channel.Id], CancellationToken.None)).Profile!;

        Assert.Equal((3_120_000_000L, 4_000_000_001L), (profile.Followers!.Value, profile.Posts!.Value));
    }

    [Theory]
    [InlineData(HiddenSubscriberCountStyle.Omitted)]
    [InlineData(HiddenSubscriberCountStyle.Zero)]
    public async Task HiddenSubscriberCount_IsUnknown_NeverZero(HiddenSubscriberCountStyle style)
    {
        await using var harness = await YouTubeHarness.StartAsync();
        harness.Server.HiddenSubscriberCount = style;
        var channel = harness.Server.AddChannel(FakeYouTubeChannel.Numbered(1) with { HiddenSubscribers = true, Subscribers = 54_000 });

        var profile = Assert.Single(await harness.Client.GetProfilesAsync([channel.Id], CancellationToken.None)).Profile!;

        Assert.Null(profile.Followers);
        Assert.Equal(DataQuality.FollowersHidden, profile.Quality);
        Assert.Equal(55, profile.Posts);
    }

    [Fact]
    public async Task AnAbsurdCount_IsAnInvalidResponse_NotASnapshot()
    {
        await using var harness = await YouTubeHarness.StartAsync();
        harness.Server.InjectFault(FakeFault.Status(200, """
            {"kind":"youtube#channelListResponse","etag":"x","pageInfo":{"totalResults":1,"resultsPerPage":5},
             "items":[{"kind":"youtube#channel","etag":"y","id":"UC000001_x5XG1OV2P6uZZ5F",
               "statistics":{"viewCount":"1","subscriberCount":"99999999999999","hiddenSubscriberCount":false,"videoCount":"1"}}]}
            """));

        var outcome = Assert.Single(await harness.Client.GetProfilesAsync(["UC000001_x5XG1OV2P6uZZ5F"], CancellationToken.None));

        Assert.Equal(PlatformErrorKind.InvalidResponse, outcome.Error?.Kind);
    }
}
