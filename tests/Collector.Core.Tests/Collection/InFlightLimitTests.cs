using Collector.Core.Accounts;
using Collector.Core.Collection;
using Collector.Core.Watchlist;
using Collector.TestKit.Builders;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Collector.Core.Tests.Collection;

/// <summary><c>Collection:MaxConcurrency</c> is the number of requests in flight for the whole platform in a round.</summary>
public sealed class InFlightLimitTests
{
    private const int AccountCount = 120;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryCollectionStore _store = new();

    [Theory]
    [InlineData(1, 25)]
    [InlineData(2, 25)]
    [InlineData(4, 25)]
    [InlineData(4, 1)] // one account per request: grouped batches
    public async Task Collect_WithEngagementPosts_KeepsExactlyMaxConcurrencyRequestsInFlight(int maxConcurrency, int batchSize)
    {
        var client = new InFlightProbeClient(batchSize);
        var accounts = WatchedAccountBuilder.Many("bluesky", AccountCount, engagementPosts: 12);

        var report = await CollectAsync(client, accounts, maxConcurrency);

        Assert.Equal(AccountCount, report.Collected);
        Assert.Equal(maxConcurrency, client.PeakInFlight);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public async Task Collect_WhenAccountsAreResolved_ProfileAndPostsRequestsShareTheLimit(int maxConcurrency)
    {
        var client = new InFlightProbeClient(batchSize: 25);
        var accounts = WatchedAccountBuilder.Many("bluesky", AccountCount, engagementPosts: 12);
        foreach (var account in accounts)
        {
            _store.Tracked[account.Key] = new TrackedAccount(account.Key, 1, $"id:{account.Key}", account.Key, null, HasFailureState: false);
        }

        var report = await CollectAsync(client, accounts, maxConcurrency);

        Assert.Equal(AccountCount, report.Collected);
        Assert.Equal(maxConcurrency, client.PeakInFlight);
    }

    [Fact]
    public async Task Collect_WhenTwoRoundsOfThePlatformOverlap_TheyShareTheLimit()
    {
        var client = new InFlightProbeClient(batchSize: 25);
        var accounts = WatchedAccountBuilder.Many("bluesky", AccountCount, engagementPosts: 12);
        using var service = Service(client, maxConcurrency: 4);

        var reports = await Task.WhenAll(
            service.CollectAsync("bluesky", [.. accounts.Take(AccountCount / 2)], null, CancellationToken.None),
            service.CollectAsync("bluesky", [.. accounts.Skip(AccountCount / 2)], null, CancellationToken.None));

        Assert.Equal(AccountCount, reports.Sum(r => r.Collected));
        Assert.Equal(4, client.PeakInFlight);
    }

    private async Task<CollectionReport> CollectAsync(InFlightProbeClient client, IReadOnlyList<WatchedAccount> accounts, int maxConcurrency)
    {
        using var service = Service(client, maxConcurrency);
        return await service.CollectAsync("bluesky", accounts, null, CancellationToken.None);
    }

    private CollectionService Service(InFlightProbeClient client, int maxConcurrency) =>
        new([client], _store, _time, new CollectionOptions { MaxConcurrency = maxConcurrency }, NullLogger<CollectionService>.Instance);
}
