using Collector.Core.Analytics;
using Collector.Core.Bands;
using Collector.Core.Collection;
using Collector.Core.Tests.Collection;
using Collector.TestKit.Builders;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Collector.Core.Tests.Analytics;

/// <summary>The collection use case hands each committed batch, with each entry's band, to the analyzer.</summary>
public sealed class CollectionAnalysisTests
{
    [Fact]
    public async Task Collect_AfterEachCommittedBatch_AnalyzesItsObservationsWithTheirBands()
    {
        var client = new FakePlatformClient(batchSize: 2);
        var store = new InMemoryCollectionStore();
        var analyzer = new RecordingAnalyzer(store);
        var narrow = new BandSettings(100, 200, 0, 1);
        client.Add("alice.example.com", 150);
        client.Add("bob.example.com", 12_000);
        client.Add("carol.example.com", 90);
        var accounts = new[]
        {
            WatchedAccountBuilder.Account("bluesky", "alice.example.com", 0, narrow),
            WatchedAccountBuilder.Account("bluesky", "bob.example.com", 0),
            WatchedAccountBuilder.Account("bluesky", "carol.example.com", 0),
            WatchedAccountBuilder.Account("bluesky", "missing.example.com", 0),
        };
        using var service = new CollectionService(
            [client], store, new FakeTimeProvider(), new CollectionOptions { MaxConcurrency = 1 }, NullLogger<CollectionService>.Instance, analyzer);

        await service.CollectAsync("bluesky", accounts, null, CancellationToken.None);

        Assert.Equal(2, analyzer.Calls.Count);
        Assert.All(analyzer.Calls, call => Assert.Equal(call.BatchesCommittedBefore, call.BatchIndex + 1));
        var analyzed = analyzer.Calls.SelectMany(static c => c.Observations).ToDictionary(static o => o.Observation.WatchKey, static o => o.Band);
        Assert.Equal(["alice.example.com", "bob.example.com", "carol.example.com"], analyzed.Keys.Order());
        Assert.Equal(narrow, analyzed["alice.example.com"]);
        Assert.Equal(BandSettings.Default, analyzed["bob.example.com"]);
    }

    private sealed class RecordingAnalyzer(InMemoryCollectionStore store) : IBatchAnalyzer
    {
        public List<(int BatchIndex, int BatchesCommittedBefore, IReadOnlyList<CommittedObservation> Observations)> Calls { get; } = [];

        public Task AnalyzeAsync(string platform, IReadOnlyList<CommittedObservation> observations, CancellationToken cancellationToken)
        {
            Calls.Add((Calls.Count, store.Batches.Count, observations));
            return Task.CompletedTask;
        }
    }
}
