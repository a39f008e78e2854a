using Collector.Core.Analytics;
using Collector.Core.Bands;
using Collector.Core.Metrics;
using Collector.Core.Notifications;
using Collector.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collector.Core.Tests.Analytics;

public sealed class AnalysisServiceTests
{
    private static readonly BandSettings Band = new(10_000, 100_000, 0, 2);
    private readonly InMemoryAnalysisStore _store = new();
    private readonly NotificationRouting _routing = new(
    [
        new WebhookRoute("wh-all", EventKinds.All.ToHashSet()),
        new WebhookRoute("wh-spikes", new HashSet<string> { EventKinds.Spike }),
    ]);

    [Fact]
    public async Task Analyze_RoundByRound_StoresEachCrossingOnceWithOneOutboxRowPerSubscribedWebhook()
    {
        var service = Service();
        long[] rounds = [9_000, 10_500, 11_000, 11_500];
        for (var i = 0; i < rounds.Length; i++)
        {
            await ObserveAsync(service, "did:a", Snapshots.Start.AddHours(6 * i), rounds[i]);
        }

        var entered = Assert.Single(_store.Events.Values);
        Assert.Equal((EventKinds.Entered, Tier.Below, Tier.Band, 11_000L), (entered.Kind, entered.From!.Value, entered.To!.Value, entered.Followers!.Value));
        var row = Assert.Single(_store.Outbox);
        Assert.Equal("wh-all", row.WebhookId);
        Assert.Equal(entered.Key, row.Event.Id);
        Assert.Equal(("bluesky", "did:a", "below", "band"), (row.Event.Platform, row.Event.PlatformId, row.Event.From, row.Event.To));
    }

    [Fact]
    public async Task Analyze_TheSameSnapshotsAgain_AddsNothing()
    {
        var service = Service();
        foreach (var (hours, followers) in new[] { (0, 9_000L), (6, 10_500L), (12, 11_000L) })
        {
            _store.Add("did:a", Snapshots.At(Snapshots.Start.AddHours(hours), followers));
        }

        var observed = Observed("did:a", Snapshots.Start.AddHours(12), 11_000);
        await service.AnalyzeAsync("bluesky", [observed], CancellationToken.None);
        var state = _store.States.Single().Value;
        await service.AnalyzeAsync("bluesky", [observed], CancellationToken.None);

        Assert.Single(_store.Events);
        Assert.Single(_store.Outbox);
        Assert.Equal(state, _store.States.Single().Value);
        Assert.Equal(1, _store.Saves);
    }

    [Fact]
    public void Analyze_WithAStaleCursor_IsComputedFromTheSameInputSoKeysMatch()
    {
        var service = Service();
        var snapshots = Snapshots.Series(9_000, 10_500, 11_000).Select((s, i) => new StoredSnapshot(i + 1, s)).ToList();
        var input = new AnalysisInput(7, "did:a", "a.example.com", BandState.Initial, 0, snapshots);

        var first = service.Analyze("bluesky", input, Band, DateTimeOffset.MinValue)!;
        var second = service.Analyze("bluesky", input, Band, DateTimeOffset.MinValue)!;

        Assert.Equal(first.Events.Select(static e => e.Key), second.Events.Select(static e => e.Key));
        Assert.Equal(3, first.Cursor);
        Assert.Equal("7:entered:" + Snapshots.Start.AddHours(12).ToUnixTimeMilliseconds(), Assert.Single(first.Events).Key);
    }

    [Fact]
    public async Task Analyze_AFollowerJump_IsASpikeSentToBothWebhooks()
    {
        var service = Service();
        var followers = Enumerable.Range(0, 10).Select(static d => 20_000L + (d * 50) + (d % 2 * 10)).ToList();
        followers.Add(followers[^1] + 3_000);
        for (var d = 0; d < followers.Count; d++)
        {
            await ObserveAsync(service, "did:a", Snapshots.Start.AddDays(d), followers[d]);
        }

        var spike = Assert.Single(_store.Events.Values);
        Assert.Equal(EventKinds.Spike, spike.Kind);
        Assert.Equal(3_000, spike.Spike!.Change);
        Assert.Equal(["wh-all", "wh-spikes"], _store.Outbox.Select(static o => o.WebhookId).Order());
    }

    [Fact]
    public async Task Analyze_HistoryEvaluatedForTheFirstTime_StoresOldEventsWithoutNotifyingThem()
    {
        var service = Service();
        foreach (var (days, followers) in new[] { (0, 9_000L), (1, 10_500L), (2, 11_000L), (20, 200_000L), (21, 210_000L), (30, 12_000L) })
        {
            _store.Add("did:a", Snapshots.At(Snapshots.Start.AddDays(days), followers));
        }

        await service.AnalyzeAsync("bluesky", [Observed("did:a", Snapshots.Start.AddDays(30), 12_000)], CancellationToken.None);

        Assert.Equal([EventKinds.Entered, EventKinds.Left], _store.Events.Values.OrderBy(static e => e.At).Select(static e => e.Kind));
        Assert.Empty(_store.Outbox);
    }

    [Fact]
    public async Task Analyze_WhenTheStoreFails_DoesNotThrow()
    {
        var service = new AnalysisService(new FailingStore(), _routing, new SpikeSettings(), NullLogger<AnalysisService>.Instance);

        await service.AnalyzeAsync("bluesky", [Observed("did:a", Snapshots.Start, 1)], CancellationToken.None);
    }

    private AnalysisService Service() => new(_store, _routing, new SpikeSettings(), NullLogger<AnalysisService>.Instance);

    private async Task ObserveAsync(AnalysisService service, string platformId, DateTimeOffset at, long followers)
    {
        _store.Add(platformId, Snapshots.At(at, followers));
        await service.AnalyzeAsync("bluesky", [Observed(platformId, at, followers)], CancellationToken.None);
    }

    private static CommittedObservation Observed(string platformId, DateTimeOffset at, long followers) =>
        new(new AccountObservation(platformId, at, new ProfileMetrics(platformId, platformId, followers, 1, 1), null, DataQuality.None), Band);

    private sealed class FailingStore : IAnalysisStore
    {
        public Task<IReadOnlyList<AnalysisInput>> LoadAsync(string platform, IReadOnlyCollection<string> platformIds, DateTimeOffset historySince, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("database is locked");

        public Task SaveAsync(IReadOnlyList<AnalysisUpdate> updates, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
