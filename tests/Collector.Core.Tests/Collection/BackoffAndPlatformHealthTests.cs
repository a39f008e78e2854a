using Collector.Core.Collection;
using Collector.Core.Notifications;
using Collector.Core.Platforms;
using Collector.Core.Watchlist;
using Collector.TestKit.Builders;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Collector.Core.Tests.Collection;

public sealed class BackoffAndPlatformHealthTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly FakePlatformClient _client = new(batchSize: 10);
    private readonly InMemoryCollectionStore _store = new();
    private readonly InMemoryPlatformStateStore _states = new();
    private readonly RecordingOutbox _outbox = new();

    [Fact]
    public async Task AnAccountsOwnFailures_MoveItAlongTheBackoffTable_AndASuccessResetsIt()
    {
        _client.Add("alice.example.com", 1_000);
        _client.Add("bob.example.com", 1_000, 1);
        _client.PostErrors["id:bob.example.com"] = new PlatformError(PlatformErrorKind.Unavailable, "HTTP 503");
        _store.FailureCounts["bob.example.com"] = 3;

        await CollectAsync(Accounts("alice.example.com", "bob.example.com"));

        var failure = Assert.Single(_store.Failures);
        Assert.False(failure.PlatformLevel);
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromHours(1), failure.NextAttemptAt);
        Assert.Equal(4, _store.FailureCounts["bob.example.com"]);

        _client.PostErrors.Clear();
        await CollectAsync(Accounts("alice.example.com", "bob.example.com"));

        Assert.False(_store.FailureCounts.ContainsKey("bob.example.com"));
    }

    [Fact]
    public async Task AnUnknownAccount_IsRecheckedADayLater()
    {
        await CollectAsync(Accounts("ghost.example.com"));

        Assert.Equal(_time.GetUtcNow().AddDays(1), Assert.Single(_store.Failures).NextAttemptAt);
    }

    [Fact]
    public async Task ARateLimitedRound_KeepsEveryAccountsCount_DefersToTheReset_AndRecordsOnePlatformState()
    {
        var accounts = WatchedAccountBuilder.Many("bluesky", 30, engagementPosts: 0);
        foreach (var account in accounts)
        {
            _store.FailureCounts[account.Key] = 2;
        }

        var reset = _time.GetUtcNow().AddMinutes(40);
        _client.FailProfilesFrom = (1, new PlatformError(PlatformErrorKind.RateLimited, "rate limited", reset));

        var report = await CollectAsync(accounts, maxConcurrency: 1);

        Assert.Equal(30, report.Deferred);
        Assert.All(_store.Failures, f => Assert.True(f.PlatformLevel));
        Assert.All(_store.Failures, f => Assert.Equal(reset, f.NextAttemptAt));
        Assert.All(accounts, a => Assert.Equal(2, _store.FailureCounts[a.Key]));
        var state = Assert.Single(_states.States.Values);
        Assert.Equal((nameof(PlatformErrorKind.RateLimited), reset, 1), (state.Reason, state.Until, state.ConsecutiveFailures));
    }

    [Fact]
    public async Task EveryAccountFailingForThePlatformsReasons_IsOnePlatformState_NotAccountBackoff()
    {
        _client.FailProfilesFrom = (1, new PlatformError(PlatformErrorKind.Unavailable, "HTTP 500"));

        await CollectAsync(Accounts("alice.example.com", "bob.example.com"));
        _time.Advance(TimeSpan.FromMinutes(10));
        await CollectAsync(Accounts("alice.example.com", "bob.example.com"));

        Assert.Empty(_store.FailureCounts);
        var state = Assert.Single(_states.States.Values);
        Assert.Equal(2, state.ConsecutiveFailures);
        Assert.Equal(_time.GetUtcNow() - TimeSpan.FromMinutes(10), state.Since);
        Assert.Equal(_time.GetUtcNow() + BackoffSchedule.Delay(2), state.Until);
    }

    [Fact]
    public async Task UnhealthyAndRecovered_AreEachNotifiedOncePerEpisode()
    {
        _client.Add("alice.example.com", 1_000);
        _client.FailProfilesFrom = (1, new PlatformError(PlatformErrorKind.Unauthorized, "token refused"));
        var since = _time.GetUtcNow();

        await CollectAsync(Accounts("alice.example.com"));
        _time.Advance(TimeSpan.FromHours(1));
        await CollectAsync(Accounts("alice.example.com"));
        _client.FailProfilesFrom = null;
        _time.Advance(TimeSpan.FromHours(1));
        await CollectAsync(Accounts("alice.example.com"));
        await CollectAsync(Accounts("alice.example.com"));

        Assert.Equal(
            [$"platform_unhealthy:bluesky:{since.ToUnixTimeMilliseconds()}", $"platform_recovered:bluesky:{since.ToUnixTimeMilliseconds()}"],
            _outbox.Entries.Select(e => e.Event.Id));
        Assert.All(_outbox.Entries, e => Assert.Equal("bluesky", e.Event.Platform));
        Assert.Contains("token refused", _outbox.Entries[0].Event.Detail, StringComparison.Ordinal);
        Assert.Empty(_states.States);
    }

    [Fact]
    public async Task EveryAccountUnknown_SaysNothingAboutThePlatform()
    {
        await CollectAsync(Accounts("ghost.example.com", "nobody.example.com"));

        Assert.Empty(_states.States);
        Assert.Empty(_outbox.Entries);
    }

    private static IReadOnlyList<WatchedAccount> Accounts(params string[] handles) =>
        [.. handles.Select(h => WatchedAccountBuilder.Account("bluesky", h))];

    private async Task<CollectionReport> CollectAsync(IReadOnlyList<WatchedAccount> accounts, int maxConcurrency = 2)
    {
        var routing = new NotificationRouting([new WebhookRoute("ops", new HashSet<string>(EventKinds.All, StringComparer.Ordinal))]);
        var health = new PlatformHealthTracker(
            _states, _time, NullLogger<PlatformHealthTracker>.Instance, new NotificationPublisher(_outbox, routing));
        using var service = new CollectionService(
            [_client], _store, _time, new CollectionOptions { MaxConcurrency = maxConcurrency },
            NullLogger<CollectionService>.Instance, health: health);
        return await service.CollectAsync("bluesky", accounts, null, CancellationToken.None);
    }
}
