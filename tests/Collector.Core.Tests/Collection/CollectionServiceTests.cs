using Collector.Core.Accounts;
using Collector.Core.Collection;
using Collector.Core.Metrics;
using Collector.Core.Platforms;
using Collector.Core.Storage;
using Collector.Core.Watchlist;
using Collector.TestKit.Builders;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Collector.Core.Tests.Collection;

public sealed class CollectionServiceTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly FakePlatformClient _client = new();
    private readonly InMemoryCollectionStore _store = new();

    [Fact]
    public async Task Collect_WhenOneAccountIsUnknown_OthersAreStoredAndItsFailureRecorded()
    {
        _client.Add("alice.example.com", 12_000, 100, 200);
        _client.Add("carol.example.com", 500, 5);
        var accounts = Accounts("alice.example.com", "bob.example.com", "carol.example.com");

        var report = await CollectAsync(accounts);

        Assert.Equal(2, report.Collected);
        Assert.Equal(1, report.Failed);
        Assert.Equal(["alice.example.com", "carol.example.com"], _store.Observations.Select(o => o.WatchKey).Order());
        var failure = Assert.Single(_store.Failures);
        Assert.Equal("bob.example.com", failure.WatchKey);
        Assert.Equal(PlatformErrorKind.NotFound, failure.Error.Kind);
    }

    [Fact]
    public async Task Collect_BatchesResolutionToTheClientsBatchSize()
    {
        var accounts = WatchedAccountBuilder.Many("bluesky", 30, engagementPosts: 0);
        foreach (var account in accounts)
        {
            _client.Add(account.Key, 1_000);
        }

        var report = await CollectAsync(accounts);

        Assert.Equal(30, report.Collected);
        Assert.Equal([25, 5], _client.ResolveCalls.Select(c => c.Count).Order().Reverse());
        Assert.Empty(_client.PostCalls);
    }

    [Fact]
    public async Task Collect_WhenAccountIsAlreadyResolved_FetchesByStableId()
    {
        _client.Add("alice.example.com", 12_000);
        _store.Tracked["alice.example.com"] = new TrackedAccount("alice.example.com", 1, "id:alice.example.com", "alice.example.com", null, HasFailureState: false);

        await CollectAsync(Accounts("alice.example.com"));

        Assert.Empty(_client.ResolveCalls);
        Assert.Equal(["id:alice.example.com"], Assert.Single(_client.ProfileCalls));
        Assert.Same(_store.Tracked["alice.example.com"], Assert.Single(_store.Observations).Known);
    }

    [Fact]
    public async Task Collect_ComputesEngagementFromRecentPosts()
    {
        _client.Add("alice.example.com", 10_000, 100, 300);

        await CollectAsync(Accounts("alice.example.com"));

        var engagement = Assert.Single(_store.Observations).Engagement!;
        Assert.Equal(2, engagement.PostsSampled);
        Assert.Equal(200, engagement.AvgLikes);
        Assert.Equal(0.02, engagement.EngagementRate!.Value, 10);
    }

    [Fact]
    public async Task Collect_WhenRateLimited_DefersTheRestWithoutFurtherRequests()
    {
        var accounts = WatchedAccountBuilder.Many("bluesky", 60, engagementPosts: 0);
        var retryAt = _time.GetUtcNow().AddMinutes(10);
        _client.FailProfilesFrom = (1, new PlatformError(PlatformErrorKind.RateLimited, "rate limited", retryAt));

        var report = await CollectAsync(accounts, maxConcurrency: 1);

        Assert.Equal(60, report.Deferred);
        Assert.Single(_client.ResolveCalls);
        Assert.All(_store.Failures, f => Assert.Equal(retryAt, f.NextAttemptAt));
        Assert.Equal(60, _store.Failures.Count());
    }

    [Fact]
    public async Task Collect_WhenARateLimitIsScopedToPartOfThePlatform_OnlyThoseAccountsAreDeferred()
    {
        var client = new FakePlatformClient(batchSize: 1);
        client.Add("alice.example.com", 1_000, 10);
        client.Add("bob.example.com", 1_000, 10);
        client.Add("carol.example.com", 1_000, 10);
        var retryAt = _time.GetUtcNow().AddMinutes(5);
        client.ProfileErrors["bob.example.com"] = new PlatformError(PlatformErrorKind.RateLimited, "instance paused", retryAt) { Scope = "b.example" };
        client.PostErrors["id:alice.example.com"] = new PlatformError(PlatformErrorKind.Unauthorized, "token refused") { Scope = "a.example" };

        var report = await CollectAsync(Accounts("alice.example.com", "bob.example.com", "carol.example.com"), maxConcurrency: 1, client);

        Assert.Equal(["carol.example.com"], _store.Observations.Select(o => o.WatchKey));
        Assert.Equal(CollectionOutcome.Deferred, report.Results.Single(r => r.Account.Key == "bob.example.com").Outcome);
        Assert.Equal(CollectionOutcome.Failed, report.Results.Single(r => r.Account.Key == "alice.example.com").Outcome);
        Assert.Equal(retryAt, _store.Failures.Single(f => f.WatchKey == "bob.example.com").NextAttemptAt);
        Assert.Equal(3, client.ResolveCalls.Count);
    }

    [Fact]
    public async Task Collect_WhenNotConfigured_SkipsEveryAccountWithoutRequests()
    {
        _client.IsConfigured = false;

        var report = await CollectAsync(Accounts("alice.example.com", "bob.example.com"));

        Assert.Equal(2, report.Skipped);
        Assert.Empty(_client.ResolveCalls);
        Assert.Empty(_store.Batches);
    }

    [Fact]
    public async Task Collect_WhenTimelineIsProtected_KeepsProfileCountsAndFlagsTheGap()
    {
        _client.Add("alice.example.com", 12_000, 1);
        _client.PostOutcomeErrors["id:alice.example.com"] = new PlatformError(PlatformErrorKind.Protected, "protected");

        var report = await CollectAsync(Accounts("alice.example.com"));

        Assert.Equal(1, report.Collected);
        var observation = Assert.Single(_store.Observations);
        Assert.True(observation.Quality.HasFlag(DataQuality.Protected));
        Assert.Null(observation.Engagement!.EngagementRate);
    }

    [Fact]
    public async Task Collect_WhenOnePostsRequestFails_OnlyThatAccountFails()
    {
        _client.Add("alice.example.com", 12_000, 1);
        _client.Add("bob.example.com", 12_000, 1);
        _client.PostErrors["id:bob.example.com"] = new PlatformError(PlatformErrorKind.Unavailable, "HTTP 503");

        var report = await CollectAsync(Accounts("alice.example.com", "bob.example.com"));

        Assert.Equal(1, report.Collected);
        Assert.Equal("bob.example.com", Assert.Single(_store.Failures).WatchKey);
        Assert.Equal("alice.example.com", Assert.Single(_store.Observations).WatchKey);
    }

    [Fact]
    public async Task Collect_WritesOneTransactionPerBatch()
    {
        var accounts = WatchedAccountBuilder.Many("bluesky", 30, engagementPosts: 0);
        foreach (var account in accounts)
        {
            _client.Add(account.Key, 1_000);
        }

        await CollectAsync(accounts);

        Assert.Equal([25, 5], _store.Batches.Select(b => b.Observations.Count).Order().Reverse());
    }

    [Fact]
    public async Task Collect_WhenTheApiTakesOneAccountPerRequest_SendsOneRequestEachButGroupsTheWrites()
    {
        var client = new FakePlatformClient(batchSize: 1);
        var accounts = WatchedAccountBuilder.Many("bluesky", 60, engagementPosts: 0);
        foreach (var account in accounts)
        {
            client.Add(account.Key, 1_000);
        }

        var report = await CollectAsync(accounts, maxConcurrency: 4, client);

        Assert.Equal(60, report.Collected);
        Assert.Equal(60, client.ResolveCalls.Count);
        Assert.All(client.ResolveCalls, call => Assert.Single(call));
        Assert.Equal([15, 15, 15, 15], _store.Batches.Select(b => b.Observations.Count));
    }

    [Fact]
    public async Task Collect_WhenOneRequestOfAGroupedBatchFails_TheOtherAccountsOfTheBatchAreStored()
    {
        var client = new FakePlatformClient(batchSize: 1);
        client.Add("alice.example.com", 1_000);
        client.Add("bob.example.com", 1_000);
        client.Add("carol.example.com", 1_000);
        client.ProfileErrors["bob.example.com"] = new PlatformError(PlatformErrorKind.Unavailable, "HTTP 503");

        var report = await CollectAsync(Accounts("alice.example.com", "bob.example.com", "carol.example.com"), maxConcurrency: 1, client);

        Assert.Equal(["alice.example.com", "carol.example.com"], _store.Observations.Select(o => o.WatchKey).Order());
        Assert.Equal(CollectionOutcome.Failed, report.Results.Single(r => r.Account.Key == "bob.example.com").Outcome);
        var failure = Assert.Single(_store.Failures);
        Assert.Equal(PlatformErrorKind.Unavailable, failure.Error.Kind);
        Assert.True(failure.PlatformLevel); // the request failed, not the account: no back-off step for it
        Assert.Single(_store.Batches);
    }

    [Fact]
    public async Task Collect_WhenAGroupedBatchIsRateLimited_TheRequestsAfterItAreNotSentAndTheirAccountsDeferred()
    {
        var client = new FakePlatformClient(batchSize: 1);
        var accounts = WatchedAccountBuilder.Many("bluesky", 5, engagementPosts: 0);
        foreach (var account in accounts)
        {
            client.Add(account.Key, 1_000);
        }

        var retryAt = _time.GetUtcNow().AddMinutes(15);
        client.FailProfilesFrom = (3, new PlatformError(PlatformErrorKind.RateLimited, "rate limited", retryAt));

        var report = await CollectAsync(accounts, maxConcurrency: 1, client);

        Assert.Equal(2, report.Collected);
        Assert.Equal(3, report.Deferred);
        Assert.Equal(3, client.ResolveCalls.Count);
        Assert.All(_store.Failures, f => Assert.Equal(retryAt, f.NextAttemptAt));
    }

    [Fact]
    public async Task Collect_WhenTheDatabaseCannotTakeABatch_StopsTheRoundAndReportsTheStorageError()
    {
        var accounts = WatchedAccountBuilder.Many("bluesky", 100, engagementPosts: 0);
        foreach (var account in accounts)
        {
            _client.Add(account.Key, 1_000);
        }

        var full = new StorageException(StorageErrorKind.Full, "database is full (disk or max_page_count): c.db: disk full");
        _store.FailSavesFrom = (2, full);

        var error = await Assert.ThrowsAsync<StorageException>(() => CollectAsync(accounts, maxConcurrency: 1));

        Assert.Same(full, error);
        Assert.Single(_store.Batches); // the batch saved before the failure stays
        Assert.Equal(2, _client.ResolveCalls.Count); // no batch fetched after the failing one
    }

    private static IReadOnlyList<WatchedAccount> Accounts(params string[] handles) =>
        [.. handles.Select(h => WatchedAccountBuilder.Account("bluesky", h))];

    private async Task<CollectionReport> CollectAsync(
        IReadOnlyList<WatchedAccount> accounts, int maxConcurrency = 4, FakePlatformClient? client = null)
    {
        using var service = new CollectionService(
            [client ?? _client], _store, _time, new CollectionOptions { MaxConcurrency = maxConcurrency }, NullLogger<CollectionService>.Instance);
        return await service.CollectAsync("bluesky", accounts, null, CancellationToken.None);
    }
}
