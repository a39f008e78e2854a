using Collector.Core.Collection;
using Collector.Core.Platforms;
using Collector.Core.Storage;
using Collector.Core.Watchlist;
using Collector.TestKit.Builders;
using Collector.TestKit.Fakes;
using Collector.TestKit.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Collector.Worker.Tests.MastodonYouTube;

/// <summary>
/// Whole rounds through the worker's container: Core's collection use case, the real clients, SQLite, the fakes.
/// One request at a time (<c>Collection:MaxConcurrency</c> 1) so the order of requests, and so the quota, is exact.
/// </summary>
public sealed class CollectionRoundTests : IAsyncLifetime
{
    private const string Key = "AIzaSy-round-key";

    /// <summary>Saturday 12:00 in Los Angeles; that quota day ends at 2025-03-09T08:00Z.</summary>
    private static readonly DateTimeOffset Start = new(2025, 3, 8, 20, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset NextPacificMidnight = new(2025, 3, 9, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);
    private TempDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TempDatabase.CreateMigratedAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task YouTubeQuota_SpentMidRound_DefersTheRestUntilMidnightPacific_AcrossARestart()
    {
        await using var youtube = new FakeYouTube(_clock);
        await youtube.StartAsync();
        youtube.ValidKeys.Add(Key);
        for (var i = 1; i <= 4; i++)
        {
            var channel = youtube.AddChannel(FakeYouTubeChannel.Numbered(i));
            youtube.AddVideo(channel.Id, new FakeYouTubeVideo($"video{i}", Start.AddDays(-i)));
        }

        var settings = new Dictionary<string, string?>
        {
            ["Platforms:YouTube:BaseUrl"] = youtube.BaseUrl,
            ["Platforms:YouTube:ApiKey"] = Key,
            ["Platforms:YouTube:DailyQuotaUnits"] = "10",
            ["Collection:MaxConcurrency"] = "1",
        };
        var accounts = Enumerable.Range(1, 4).Select(i => WatchedAccountBuilder.Account(PlatformKeys.YouTube, $"@channel{i}", engagementPosts: 3)).ToList();

        // Each channel costs 3 units (resolve, playlist, videos): 3 channels fit, the 4th resolves with the 10th unit.
        CollectionReport first;
        await using (var worker = await WorkerContainer.StartAsync(settings, _database.Path, _clock))
        {
            first = await worker.Collection.CollectAsync(PlatformKeys.YouTube, accounts, null, CancellationToken.None);
        }

        Assert.Equal((3, 1), (first.Collected, first.Deferred));
        var deferred = Assert.Single(first.Results, r => r.Outcome == CollectionOutcome.Deferred);
        Assert.Equal(("@channel4", PlatformErrorKind.QuotaExceeded, NextPacificMidnight), (deferred.Account.Key, deferred.Error!.Kind, deferred.Error.RetryAt!.Value));
        Assert.Equal(10, youtube.Requests.Count);

        // Restarted the same day: nothing is sent.
        CollectionReport sameDay;
        await using (var worker = await WorkerContainer.StartAsync(settings, _database.Path, _clock))
        {
            sameDay = await worker.Collection.CollectAsync(PlatformKeys.YouTube, accounts, null, CancellationToken.None);
        }

        Assert.Equal(4, sameDay.Deferred);
        Assert.Equal(10, youtube.Requests.Count);

        // After midnight Pacific: the three tracked channels in one request, then the fourth.
        _clock.Advance(NextPacificMidnight - _clock.GetUtcNow());
        await using (var worker = await WorkerContainer.StartAsync(settings, _database.Path, _clock))
        {
            var nextDay = await worker.Collection.CollectAsync(PlatformKeys.YouTube, accounts, null, CancellationToken.None);
            var status = await worker.Services.GetRequiredService<IStatusReader>().GetStatusAsync(CancellationToken.None);

            Assert.Equal(4, nextDay.Collected);
            Assert.All(status, s => Assert.Equal((NextPacificMidnight, 1), (s.Latest!.CollectedAt, s.Latest.PostsSampled)));
        }

        var nextDayChannels = youtube.RequestsTo(FakeYouTube.ChannelsPath).Where(r => r.ReceivedAt >= NextPacificMidnight).ToList();
        Assert.Equal(3, nextDayChannels[0].QueryValue("id")!.Split(',').Length);
        Assert.Equal("@channel4", nextDayChannels[1].QueryValue("forHandle"));
        Assert.Equal(20, youtube.Requests.Count);
    }

    [Fact]
    public async Task MastodonInstance_RateLimited_DefersOnlyItsOwnAccounts()
    {
        await using var mastodon = new FakeMastodon(_clock);
        await mastodon.StartAsync();
        var social = mastodon.Instance("mastodon.social");
        var fosstodon = mastodon.Instance("fosstodon.org");
        social.AddAccount(new FakeMastodonAccount("1", "Gargron"));
        social.AddAccount(new FakeMastodonAccount("2", "bob"));
        fosstodon.AddAccount(new FakeMastodonAccount("1", "alice"));
        fosstodon.AddAccount(new FakeMastodonAccount("2", "carol"));
        var reset = Start.AddHours(1);
        mastodon.InjectFault(FakeFault.Status(429, """{"error":"Too many requests"}""", new Dictionary<string, string>
        {
            ["X-RateLimit-Limit"] = "300",
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset"] = "2025-03-08T21:00:00.000000Z",
        }));
        IReadOnlyList<WatchedAccount> accounts =
        [
            WatchedAccountBuilder.Account(PlatformKeys.Mastodon, "Gargron@mastodon.social", engagementPosts: 0),
            WatchedAccountBuilder.Account(PlatformKeys.Mastodon, "alice@fosstodon.org", engagementPosts: 0),
            WatchedAccountBuilder.Account(PlatformKeys.Mastodon, "bob@mastodon.social", engagementPosts: 0),
            WatchedAccountBuilder.Account(PlatformKeys.Mastodon, "carol@fosstodon.org", engagementPosts: 0),
        ];
        var settings = new Dictionary<string, string?>
        {
            ["Platforms:Mastodon:BaseUrlTemplate"] = mastodon.BaseUrlTemplate,
            ["Collection:MaxConcurrency"] = "1",
        };

        await using var worker = await WorkerContainer.StartAsync(settings, _database.Path, _clock);
        var report = await worker.Collection.CollectAsync(PlatformKeys.Mastodon, accounts, null, CancellationToken.None);

        Assert.Equal(
            [
                ("alice@fosstodon.org", CollectionOutcome.Collected),
                ("bob@mastodon.social", CollectionOutcome.Deferred),
                ("carol@fosstodon.org", CollectionOutcome.Collected),
                ("gargron@mastodon.social", CollectionOutcome.Deferred),
            ],
            report.Results.Select(r => (r.Account.Key, r.Outcome)).Order());
        Assert.All(report.Results.Where(r => r.Outcome == CollectionOutcome.Deferred), r => Assert.Equal(reset, r.Error!.RetryAt));
        Assert.Single(mastodon.RequestsOn("mastodon.social"));
        Assert.Equal(2, mastodon.RequestsOn("fosstodon.org").Count);
    }
}
