using Collector.Core.Storage;
using Collector.Storage.Collection;
using Collector.Storage.Health;
using Collector.TestKit.Storage;

namespace Collector.Storage.Tests.Durability;

/// <summary>
/// A full disk, reproduced with <c>PRAGMA max_page_count</c> (SQLite reports both as SQLITE_FULL): the batch fails
/// with a clear message, nothing of it is stored, the file stays intact, and the same store writes again once
/// there is room.
/// </summary>
public sealed class DiskFullTests : StoreTestBase
{
    private const int RoomForHalfABatch = 30;

    private long _maxPages;

    private SqliteConnectionFactory Limited => new(Database.Path, new ConnectionConstraints(MaxPageCount: () => _maxPages));

    [Fact]
    public async Task SaveBatch_WhenTheDatabaseCannotGrow_FailsClearlyAndRollsTheWholeBatchBack()
    {
        await SaveAsync(Observed("existing").WithCounts(10, 1, 1));

        // Room for roughly half the batch: the failure comes after many rows were written in the transaction.
        _maxPages = await PageCountAsync() + RoomForHalfABatch;
        using var connections = Limited;
        var store = new SqliteCollectionStore(connections);
        var batch = ManyObservations(400);

        var error = await Assert.ThrowsAsync<StorageException>(() => store.SaveBatchAsync(Platform, batch, [], CancellationToken.None));

        Assert.Equal(StorageErrorKind.Full, error.Kind);
        Assert.StartsWith($"database is full (disk or max_page_count): {Database.Path}: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(1L, await Database.CountAsync("snapshots"));
        Assert.Equal(1L, await Database.CountAsync("accounts"));
        Assert.Equal(1L, await Database.CountAsync("watch_entries"));
        Assert.Equal(["ok"], await SqliteFile.IntegrityCheckAsync(Database.Path));
    }

    [Fact]
    public async Task SaveBatch_AfterSpaceReturns_SucceedsOnTheSameStore()
    {
        await SaveAsync(Observed("existing").WithCounts(10, 1, 1));
        _maxPages = await PageCountAsync();
        using var connections = Limited;
        var store = new SqliteCollectionStore(connections);
        var batch = ManyObservations(400);
        await Assert.ThrowsAsync<StorageException>(() => store.SaveBatchAsync(Platform, batch, [], CancellationToken.None));

        _maxPages += 10_000;
        await store.SaveBatchAsync(Platform, batch, [], CancellationToken.None);

        Assert.Equal(401L, await Database.CountAsync("snapshots"));
        Assert.Equal(["ok"], await SqliteFile.IntegrityCheckAsync(Database.Path));
    }

    [Fact]
    public async Task CheckWritable_AtThePageLimit_ReportsFull_AndRecoversWithRoom()
    {
        // Migrations that rebuild tables leave free pages inside the file; without them the limit is really reached.
        await Database.ExecuteAsync("VACUUM");
        _maxPages = await PageCountAsync();
        var health = new DatabaseHealth(Limited);

        var full = await health.CheckWritableAsync(CancellationToken.None);
        _maxPages += 100;
        var roomy = await health.CheckWritableAsync(CancellationToken.None);

        Assert.False(full.IsWritable);
        Assert.Equal(StorageErrorKind.Full, full.Kind);
        Assert.Contains("database is full", full.Problem, StringComparison.Ordinal);
        Assert.True(roomy.IsWritable, roomy.Problem);
    }

    private async Task<long> PageCountAsync() => (long)(await Database.ScalarAsync("PRAGMA page_count"))!;

    private List<AccountObservation> ManyObservations(int count) =>
        [.. Enumerable.Range(0, count).Select(i => Observed($"account-{i:D4}.example.com").Build())];
}
