using Collector.Core.Storage;

namespace Collector.Storage.Tests.Durability;

/// <summary><c>status</c> next to a collection in full swing: readers never hit "database is locked".</summary>
public sealed class ConcurrentReaderTests : StoreTestBase
{
    private const int Batches = 150;
    private const int BatchSize = 20;

    [Fact]
    public async Task GetStatus_InALoopWhileManyBatchesAreWritten_NeverFailsAndSeesOnlyWholeBatches()
    {
        using var writerDone = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            try
            {
                for (var b = 0; b < Batches; b++)
                {
                    // Half the batch observes accounts seen before, half adds new ones: updates and inserts.
                    var keys = Enumerable.Range(0, BatchSize).Select(i => i % 2 == 0 ? $"new-{b}-{i}" : $"old-{i}");
                    await Store.SaveBatchAsync(Platform, [.. keys.Select(k => Observed(k).Build())], [], CancellationToken.None);
                }
            }
            finally
            {
                await writerDone.CancelAsync();
            }
        });

        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var reads = new List<int>();
            while (!writerDone.IsCancellationRequested)
            {
                var status = await Reader.GetStatusAsync(CancellationToken.None);
                reads.Add(status.Count);
            }

            return reads;
        })).ToList();

        await writer;
        var observed = (await Task.WhenAll(readers)).SelectMany(static r => r).ToList();

        Assert.True(observed.Count >= 10, $"the readers ran alongside the writer ({observed.Count} reads)");
        Assert.Contains(observed, static n => n is > 0 and < (Batches * BatchSize / 2) + (BatchSize / 2));

        // Every batch adds 10 new entries (and the first also the 10 "old" ones): a read between commits sees a
        // multiple of 10, never a batch in the middle of being written.
        Assert.All(observed, static n => Assert.Equal(0, n % (BatchSize / 2)));
        Assert.Equal(Batches * BatchSize, await Database.CountAsync("snapshots"));
    }

    [Fact]
    public async Task GetSnapshots_WhileAWriterHoldsAnOpenTransaction_ReadsWithoutWaiting()
    {
        await SaveAsync(Observed("alice"));
        var accountId = (await StatusOfAsync("alice")).AccountId!.Value;
        await using var other = await Database.OpenAsync();
        await using var transaction = other.BeginTransaction(); // holds the write lock

        var started = TimeProvider.System.GetTimestamp();
        IReadOnlyList<SnapshotRecord> snapshots = await Reader.GetSnapshotsAsync(accountId, null, CancellationToken.None);

        Assert.Single(snapshots);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(2), "a reader never waits for the writer");
    }
}
