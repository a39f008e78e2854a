using Collector.Core.Metrics;

namespace Collector.Storage.Tests.Collection;

public sealed class SnapshotRoundTripTests : StoreTestBase
{
    [Fact]
    public async Task SaveBatch_HiddenAndMissingCounts_ReadBackAsNullNotZero()
    {
        await SaveAsync(Observed("hidden")
            .WithCounts(followers: null, following: null, posts: null)
            .WithEngagement(new EngagementSummary(3, AvgLikes: null, AvgReplies: null, AvgReposts: null, AvgQuotes: null, AvgViews: null, EngagementRate: null)));

        var latest = (await StatusOfAsync("hidden")).Latest!;

        Assert.Null(latest.Followers);
        Assert.Null(latest.Following);
        Assert.Null(latest.Posts);
        Assert.Null(latest.AvgLikes);
        Assert.Null(latest.AvgReplies);
        Assert.Null(latest.AvgReposts);
        Assert.Null(latest.AvgQuotes);
        Assert.Null(latest.AvgViews);
        Assert.Null(latest.EngagementRate);
        Assert.Equal(3, latest.PostsSampled);
        Assert.Equal(1L, await Database.ScalarAsync("SELECT count(*) FROM snapshots WHERE followers IS NULL"));
    }

    [Fact]
    public async Task SaveBatch_ZeroCounts_ReadBackAsZeroNotNull()
    {
        await SaveAsync(Observed("new").WithCounts(0, 0, 0).WithEngagement(new EngagementSummary(1, 0, 0, 0, 0, 0, null)));

        var latest = (await StatusOfAsync("new")).Latest!;

        Assert.Equal(0, latest.Followers);
        Assert.Equal(0, latest.Following);
        Assert.Equal(0, latest.Posts);
        Assert.Equal(0d, latest.AvgLikes);
        Assert.Equal(0d, latest.AvgViews);
    }

    [Fact]
    public async Task SaveBatch_EngagementAverages_RoundTripExactly()
    {
        var engagement = new EngagementSummary(12, 40.5, 3.25, 6.125, 1.0 / 3, 12_345.75, 0.004_217_5);
        await SaveAsync(Observed("alice").WithEngagement(engagement));

        var latest = (await StatusOfAsync("alice")).Latest!;

        Assert.Equal(12, latest.PostsSampled);
        Assert.Equal(40.5, latest.AvgLikes);
        Assert.Equal(3.25, latest.AvgReplies);
        Assert.Equal(6.125, latest.AvgReposts);
        Assert.Equal(1.0 / 3, latest.AvgQuotes);
        Assert.Equal(12_345.75, latest.AvgViews);
        Assert.Equal(0.004_217_5, latest.EngagementRate);
    }

    [Fact]
    public async Task SaveBatch_WithoutEngagement_StoresZeroPostsSampledAndNoAverages()
    {
        await SaveAsync(Observed("profile-only").WithEngagement(null));

        var latest = (await StatusOfAsync("profile-only")).Latest!;

        Assert.Equal(0, latest.PostsSampled);
        Assert.Null(latest.AvgLikes);
        Assert.Null(latest.EngagementRate);
    }

    [Theory]
    [InlineData(DataQuality.None)]
    [InlineData(DataQuality.FollowersHidden)]
    [InlineData(DataQuality.FollowersRounded | DataQuality.PartialPostCounts)]
    [InlineData(DataQuality.InstanceLocal | DataQuality.Protected)]
    public async Task SaveBatch_DataQualityFlags_RoundTrip(DataQuality quality)
    {
        await SaveAsync(Observed("alice").WithQuality(quality));

        Assert.Equal(quality, (await StatusOfAsync("alice")).Latest!.Quality);
    }

    [Fact]
    public async Task SaveBatch_ProfileQualityFlags_AreKeptWithTheObservationFlags()
    {
        await SaveAsync(Observed("yt").WithQuality(DataQuality.PartialPostCounts, profile: DataQuality.FollowersRounded));

        Assert.Equal(
            DataQuality.PartialPostCounts | DataQuality.FollowersRounded,
            (await StatusOfAsync("yt")).Latest!.Quality);
    }

    [Fact]
    public async Task SaveBatch_Instants_AreStoredAsUtcUnixMillisecondsAndReadBackInUtc()
    {
        var at = new DateTimeOffset(2025, 7, 4, 23, 30, 15, 250, TimeSpan.FromHours(-5));
        await SaveAsync(new ObservationBuilder("alice", at));

        var latest = (await StatusOfAsync("alice")).Latest!;

        Assert.Equal(at, latest.CollectedAt);
        Assert.Equal(TimeSpan.Zero, latest.CollectedAt.Offset);
        Assert.Equal(at.ToUnixTimeMilliseconds(), await Database.ScalarAsync("SELECT collected_at FROM snapshots"));
        Assert.Equal(
            "2025-07-05T04:30:15.250Z",
            await Database.ScalarAsync("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', collected_at / 1000.0, 'unixepoch') FROM snapshots"));
    }

    [Fact]
    public async Task SaveBatch_SubMillisecondInstant_IsTruncatedAndStillMatchesItselfAsABound()
    {
        var at = new DateTimeOffset(2025, 7, 4, 12, 0, 0, 250, TimeSpan.Zero).AddTicks(9_999);
        await SaveAsync(new ObservationBuilder("alice", at));
        var accountId = (await StatusOfAsync("alice")).AccountId!.Value;

        var sinceTheSameInstant = await Reader.GetSnapshotsAsync(accountId, at, CancellationToken.None);

        var snapshot = Assert.Single(sinceTheSameInstant);
        Assert.Equal(new DateTimeOffset(2025, 7, 4, 12, 0, 0, 250, TimeSpan.Zero), snapshot.CollectedAt);
    }
}
