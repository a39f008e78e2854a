using Collector.Core.Analytics;
using Collector.Core.Bands;
using Collector.Core.Metrics;
using Collector.Core.Notifications;
using Collector.Core.Storage;
using Collector.Storage.Bands;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collector.Storage.Tests.Bands;

/// <summary>The analysis service on the real SQLite store: each round evaluates only new snapshots, and repeats add nothing.</summary>
public sealed class AnalysisStoreTests : StoreTestBase
{
    private static readonly BandSettings Band = new(10_000, 100_000, 0, 2);
    private static readonly NotificationRouting Routing = new([new WebhookRoute("wh-1", EventKinds.All.ToHashSet())]);

    [Fact]
    public async Task Rounds_StoreTheCrossingOnce_WithItsOutboxRow_AndRepeatsAddNothing()
    {
        var service = Service();
        CommittedObservation? last = null;
        foreach (var followers in new long[] { 9_000, 10_200, 10_400, 10_600 })
        {
            last = await CollectAsync(service, followers);
        }

        await service.AnalyzeAsync(Platform, [last!], CancellationToken.None);
        await Service().AnalyzeAsync(Platform, [last!], CancellationToken.None);

        Assert.Equal(1L, await Database.CountAsync("account_events"));
        Assert.Equal(1L, await Database.CountAsync("notification_outbox"));
        Assert.Equal("band", await Database.ScalarAsync("SELECT confirmed_tier FROM band_states"));
        Assert.Equal(await Database.ScalarAsync("SELECT max(id) FROM snapshots"), await Database.ScalarAsync("SELECT last_snapshot_id FROM band_states"));

        var record = Assert.Single(await new SqliteAccountEventReader(Connections).GetEventsAsync(null, CancellationToken.None));
        Assert.Equal((Platform, "alice.example.com", "id-alice.example.com"), (record.Platform, record.Handle, record.PlatformId));
        Assert.Equal((EventKinds.Entered, Tier.Below, Tier.Band, 10_400L), (record.Event.Kind, record.Event.From!.Value, record.Event.To!.Value, record.Event.Followers!.Value));
        Assert.Equal(Band, record.Event.Band);
    }

    [Fact]
    public async Task Save_WhenTheCursorMovedMeanwhile_KeepsTheOtherWritersResult()
    {
        var store = new SqliteAnalysisStore(Connections, Clock);
        await SaveAsync(Observed("alice.example.com").WithCounts(9_000, 1, 1));
        var input = Assert.Single(await store.LoadAsync(Platform, ["id-alice.example.com"], Clock.GetUtcNow(), CancellationToken.None));
        var winner = new AnalysisUpdate(input.AccountId, 0, 1, new BandState(Tier.Below, null, 0), [], []);
        var loser = new AnalysisUpdate(input.AccountId, 0, 1, new BandState(Tier.Above, null, 0), [], []);

        await store.SaveAsync([winner], CancellationToken.None);
        await store.SaveAsync([loser], CancellationToken.None);

        Assert.Equal("below", await Database.ScalarAsync("SELECT confirmed_tier FROM band_states"));
    }

    [Fact]
    public async Task Load_ReturnsUnevaluatedSnapshotsHoweverOld_AndTheLookBack()
    {
        var store = new SqliteAnalysisStore(Connections, Clock);
        await SaveAsync(Observed("alice.example.com"));
        AdvanceClock(TimeSpan.FromDays(40));
        await SaveAsync(Observed("alice.example.com"));
        var since = Clock.GetUtcNow() - TimeSpan.FromDays(1);

        var fresh = Assert.Single(await store.LoadAsync(Platform, ["id-alice.example.com"], since, CancellationToken.None));
        await store.SaveAsync([new AnalysisUpdate(fresh.AccountId, 0, 1, BandState.Initial, [], [])], CancellationToken.None);
        var later = Assert.Single(await store.LoadAsync(Platform, ["id-alice.example.com"], since, CancellationToken.None));

        Assert.Equal(2, fresh.Snapshots.Count);
        Assert.Equal([2L], later.Snapshots.Select(static s => s.Id));
        Assert.Equal(1, later.Cursor);
    }

    private AnalysisService Service() =>
        new(new SqliteAnalysisStore(Connections, Clock), Routing, new SpikeSettings(), NullLogger<AnalysisService>.Instance);

    private async Task<CommittedObservation> CollectAsync(AnalysisService service, long followers)
    {
        AdvanceClock(TimeSpan.FromHours(6));
        AccountObservation observation = Observed("alice.example.com").WithCounts(followers, 10, 10).WithEngagement(EngagementSummary.None);
        await SaveAsync(observation);
        var committed = new CommittedObservation(observation, Band);
        await service.AnalyzeAsync(Platform, [committed], CancellationToken.None);
        return committed;
    }
}
