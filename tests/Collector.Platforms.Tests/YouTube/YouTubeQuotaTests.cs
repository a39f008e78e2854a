using Collector.Core.Metrics;
using Collector.Core.Platforms;
using Collector.TestKit.Fakes;

namespace Collector.Platforms.Tests.YouTube;

/// <summary>
/// The daily unit quota, counted in the real SQLite ledger: exhausted mid-run, remembered across a restart (a new
/// container on the same database file), and new again after midnight Pacific on the shared fake clock.
/// </summary>
public sealed class YouTubeQuotaTests
{
    private static readonly DateOnly Saturday = new(2025, 3, 8);
    private static readonly DateOnly Sunday = new(2025, 3, 9);

    [Fact]
    public async Task EveryRequest_IsCountedInTheDatabase()
    {
        await using var harness = await YouTubeHarness.StartAsync();
        var channel = harness.Server.AddChannel(FakeYouTubeChannel.Numbered(1));
        harness.Server.AddVideo(channel.Id, new FakeYouTubeVideo("v1", YouTubeHarness.Start.AddDays(-1)));

        var profile = Assert.Single(await harness.Client.ResolveAsync([channel.Handle], CancellationToken.None)).Profile!;
        await harness.Client.GetRecentPostsAsync(profile, 12, CancellationToken.None);
        await harness.Client.ResolveAsync(["@unknown-channel"], CancellationToken.None);

        Assert.Equal(4, harness.Server.Requests.Count);
        Assert.Equal(new QuotaUsage(PlatformKeys.YouTube, Saturday, 4, null), await harness.UsageAsync(Saturday));
    }

    [Fact]
    public async Task SpentMidRun_StopsBeforeTheLimit_SurvivesARestart_AndResumesAfterMidnightPacific()
    {
        await using var harness = await YouTubeHarness.StartAsync(new Dictionary<string, string?> { ["DailyQuotaUnits"] = "5" });
        var channels = Enumerable.Range(1, 120).Select(i => harness.Server.AddChannel(FakeYouTubeChannel.Numbered(i))).ToList();
        harness.Server.AddVideo(channels[0].Id, new FakeYouTubeVideo("v1", YouTubeHarness.Start.AddDays(-1)));
        harness.Server.AddVideo(channels[1].Id, new FakeYouTubeVideo("v2", YouTubeHarness.Start.AddDays(-1)));
        var ids = channels.Select(c => c.Id).ToList();

        var profiles = await harness.Client.GetProfilesAsync(ids, CancellationToken.None);
        var first = await harness.Client.GetRecentPostsAsync(profiles[0].Profile!, 12, CancellationToken.None);
        var spent = await Assert.ThrowsAsync<PlatformException>(
            () => harness.Client.GetRecentPostsAsync(profiles[1].Profile!, 12, CancellationToken.None));

        Assert.Single(first.Posts);
        Assert.Equal(PlatformErrorKind.QuotaExceeded, spent.Kind);
        Assert.Equal(YouTubeHarness.NextPacificMidnight, spent.Error.RetryAt);
        Assert.Equal(5, harness.Server.Requests.Count);
        Assert.Equal(5, (await harness.UsageAsync(Saturday)).Units);

        await harness.RestartAsync();
        var afterRestart = await Assert.ThrowsAsync<PlatformException>(() => harness.Client.GetProfilesAsync(ids, CancellationToken.None));

        Assert.Equal(PlatformErrorKind.QuotaExceeded, afterRestart.Kind);
        Assert.Equal(5, harness.Server.Requests.Count);

        harness.Clock.Advance(YouTubeHarness.NextPacificMidnight - harness.Clock.GetUtcNow() - TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<PlatformException>(() => harness.Client.GetProfilesAsync(ids, CancellationToken.None));
        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        var nextDay = await harness.Client.GetProfilesAsync(ids, CancellationToken.None);
        var posts = await harness.Client.GetRecentPostsAsync(nextDay[1].Profile!, 12, CancellationToken.None);

        Assert.All(nextDay, o => Assert.NotNull(o.Profile));
        Assert.Equal("v2", Assert.Single(posts.Posts).PostId);
        Assert.Equal(5, (await harness.UsageAsync(Sunday)).Units);
        Assert.Equal(5, (await harness.UsageAsync(Saturday)).Units);
    }

    [Fact]
    public async Task QuotaExceededFromYouTube_StopsYouTubeForTheDay_EvenAfterARestart()
    {
        await using var harness = await YouTubeHarness.StartAsync();
        harness.Server.DailyQuota = 2;
        var channel = harness.Server.AddChannel(FakeYouTubeChannel.Numbered(1));
        await harness.Client.GetProfilesAsync([channel.Id], CancellationToken.None);
        await harness.Client.GetProfilesAsync([channel.Id], CancellationToken.None);

        var refused = await Assert.ThrowsAsync<PlatformException>(() => harness.Client.GetProfilesAsync([channel.Id], CancellationToken.None));

        Assert.Equal(PlatformErrorKind.QuotaExceeded, refused.Kind);
        Assert.Equal(YouTubeHarness.NextPacificMidnight, refused.Error.RetryAt);
        Assert.Contains("quotaExceeded", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("<a", refused.Message, StringComparison.Ordinal);
        var usage = await harness.UsageAsync(Saturday);
        Assert.Equal((3L, YouTubeHarness.Start), (usage.Units, usage.ExhaustedAt!.Value));

        await harness.RestartAsync();
        var stillRefused = await Assert.ThrowsAsync<PlatformException>(() => harness.Client.ResolveAsync(["@channel1"], CancellationToken.None));

        Assert.Equal(PlatformErrorKind.QuotaExceeded, stillRefused.Kind);
        Assert.Equal(3, harness.Server.Requests.Count);

        harness.Server.DailyQuota = 10_000;
        harness.Clock.Advance(YouTubeHarness.NextPacificMidnight - harness.Clock.GetUtcNow());
        Assert.NotNull(Assert.Single(await harness.Client.ResolveAsync(["@channel1"], CancellationToken.None)).Profile);
    }

    [Fact]
    public async Task ARetriedRequest_CostsAUnitPerAttempt()
    {
        await using var harness = await YouTubeHarness.StartAsync();
        var channel = harness.Server.AddChannel(FakeYouTubeChannel.Numbered(1));
        harness.Server.InjectFault(FakeFault.Status(503, YouTubeErrorBodies.BackendError), FakeYouTube.ChannelsPath);

        var outcomes = await harness.Clock.DriveAsync(
            harness.Client.GetProfilesAsync([channel.Id], CancellationToken.None), TimeSpan.FromMilliseconds(100));

        Assert.NotNull(Assert.Single(outcomes).Profile);
        Assert.Equal(2, harness.Server.Requests.Count);
        Assert.Equal(2, (await harness.UsageAsync(Saturday)).Units);
    }

    [Fact]
    public async Task QuotaDay_FollowsPacificTime_NotUtc()
    {
        // 2025-03-09T07:30Z is still Saturday 23:30 in Los Angeles: the request counts against Saturday.
        await using var harness = await YouTubeHarness.StartAsync();
        harness.Server.AddChannel(FakeYouTubeChannel.Numbered(1));
        harness.Clock.Advance(new DateTimeOffset(2025, 3, 9, 7, 30, 0, TimeSpan.Zero) - harness.Clock.GetUtcNow());

        await harness.Client.ResolveAsync(["@channel1"], CancellationToken.None);

        Assert.Equal(1, (await harness.UsageAsync(Saturday)).Units);
        Assert.Equal(0, (await harness.UsageAsync(Sunday)).Units);
    }

    [Fact]
    public async Task ProfileQuality_ComesWithTheRefresh_SoSnapshotsKnowTheCountIsRounded()
    {
        await using var harness = await YouTubeHarness.StartAsync();
        var channel = harness.Server.AddChannel(FakeYouTubeChannel.Numbered(1) with { Subscribers = 12_300 });

        var profile = Assert.Single(await harness.Client.GetProfilesAsync([channel.Id], CancellationToken.None)).Profile!;

        Assert.Equal((12_300L, DataQuality.FollowersRounded), (profile.Followers!.Value, profile.Quality));
    }
}
