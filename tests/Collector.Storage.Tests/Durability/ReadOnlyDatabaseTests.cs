using Collector.Core.Storage;
using Collector.Storage.Collection;
using Collector.Storage.Health;
using Collector.TestKit.Storage;

namespace Collector.Storage.Tests.Durability;

/// <summary>
/// A database that cannot be written (read-only file or mount), reproduced with <c>Mode=ReadOnly</c> because file
/// modes do not stop root: a clear error, nothing written, the file intact, and a writable open works again.
/// </summary>
public sealed class ReadOnlyDatabaseTests : StoreTestBase
{
    private SqliteConnectionFactory ReadOnly => new(Database.Path, new ConnectionConstraints(ReadOnly: true));

    [Fact]
    public async Task SaveBatch_OnAReadOnlyDatabase_FailsClearlyAndWritesNothing()
    {
        await SaveAsync(Observed("existing").WithCounts(10, 1, 1));
        using var connections = ReadOnly;
        var store = new SqliteCollectionStore(connections);

        var error = await Assert.ThrowsAsync<StorageException>(() =>
            store.SaveBatchAsync(Platform, [Observed("new.example.com").Build()], [], CancellationToken.None));

        Assert.Equal(StorageErrorKind.ReadOnly, error.Kind);
        Assert.StartsWith("database is read-only", error.Message, StringComparison.Ordinal);
        Assert.Contains(Database.Path, error.Message, StringComparison.Ordinal);
        Assert.Equal(1L, await Database.CountAsync("snapshots"));
        Assert.Equal(["ok"], await SqliteFile.IntegrityCheckAsync(Database.Path));
    }

    [Fact]
    public async Task GetTrackedAccounts_OnAReadOnlyDatabase_StillReads()
    {
        await SaveAsync(Observed("existing").WithCounts(10, 1, 1));
        using var connections = ReadOnly;
        var store = new SqliteCollectionStore(connections);

        var tracked = await store.GetTrackedAccountsAsync(Platform, ["existing"], CancellationToken.None);

        Assert.Equal("id-existing", tracked["existing"].PlatformId);
    }

    [Fact]
    public async Task CheckWritable_OnAReadOnlyDatabase_ReportsReadOnly_AndOnAWritableOneReportsWritable()
    {
        await SaveAsync(Observed("existing"));

        var readOnly = await new DatabaseHealth(ReadOnly).CheckWritableAsync(CancellationToken.None);
        var writable = await new DatabaseHealth(new SqliteConnectionFactory(Database.Path)).CheckWritableAsync(CancellationToken.None);

        Assert.False(readOnly.IsWritable);
        Assert.Equal(StorageErrorKind.ReadOnly, readOnly.Kind);
        Assert.StartsWith("database is read-only", readOnly.Problem, StringComparison.Ordinal);
        Assert.True(writable.IsWritable, writable.Problem);
    }

    [Fact]
    public async Task CheckWritable_WhileAnotherWriterHoldsTheLock_ReportsLockedWithinAboutASecond()
    {
        await SaveAsync(Observed("existing"));
        await using var other = await Database.OpenAsync();
        await using var hold = other.BeginTransaction();
        var started = TimeProvider.System.GetTimestamp();

        var check = await new DatabaseHealth(new SqliteConnectionFactory(Database.Path)).CheckWritableAsync(CancellationToken.None);

        Assert.False(check.IsWritable);
        Assert.Equal(StorageErrorKind.Locked, check.Kind);
        Assert.InRange(TimeProvider.System.GetElapsedTime(started), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(5));
    }
}
