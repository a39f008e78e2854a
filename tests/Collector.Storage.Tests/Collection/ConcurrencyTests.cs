namespace Collector.Storage.Tests.Collection;

/// <summary>The worker and a CLI command share the file: a writer waits for another's lock, readers never block.</summary>
public sealed class ConcurrencyTests : StoreTestBase
{
    [Fact]
    public async Task SaveBatch_WhileAnotherProcessHoldsTheWriteLock_WaitsAndThenCommits()
    {
        await using var other = await Database.OpenAsync();
        using var otherWrite = other.BeginTransaction(); // BEGIN IMMEDIATE: holds the write lock

        var save = Task.Run(() => SaveAsync(Observed("alice")));
        await Task.Delay(TimeSpan.FromMilliseconds(300), TimeProvider.System);
        Assert.False(save.IsCompleted, "the batch must wait for the lock, not fail or bypass it");

        otherWrite.Commit();
        await save.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System);

        Assert.Equal(1L, await Database.CountAsync("snapshots"));
    }

    [Fact]
    public async Task GetStatus_WhileABatchIsUncommitted_ReadsTheLastCommittedState()
    {
        await SaveAsync(Observed("alice").WithCounts(10, 1, 1));
        await using var writer = await Database.OpenAsync();
        await using var transaction = writer.BeginTransaction();
        await using (var command = writer.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "UPDATE watch_entries SET consecutive_failures = 7";
            await command.ExecuteNonQueryAsync();
        }

        var status = await StatusOfAsync("alice");

        Assert.Equal(0, status.State!.ConsecutiveFailures);
        Assert.Equal(10, status.Latest!.Followers);
    }
}
