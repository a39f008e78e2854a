using Collector.Storage.Backup;
using Collector.TestKit.Storage;

namespace Collector.Storage.Tests.Backup;

/// <summary>The backup API against a live writer: each copy is the database as of one commit, never between two.</summary>
public sealed class BackupWhileWritingTests : StoreTestBase
{
    // Every batch observes 5 accounts seen before and adds 5 new ones, so a committed state after k batches has
    // 10k snapshots and 5 + 5k accounts; anything else is a copy taken in the middle of a batch.
    private const int NewPerBatch = 5;

    [Fact]
    public async Task Backup_WhileAWriterInserts_CopiesAConsistentCommittedState()
    {
        using var stop = new CancellationTokenSource();
        var committed = 0;
        var writer = Task.Run(async () =>
        {
            for (var batch = 0; !stop.IsCancellationRequested; batch++)
            {
                var keys = Enumerable.Range(0, NewPerBatch).SelectMany(i => new[] { $"old-{i}", $"new-{batch}-{i}" });
                await Store.SaveBatchAsync(Platform, [.. keys.Select(k => Observed(k).Build())], [], CancellationToken.None);
                Interlocked.Increment(ref committed);
            }
        });
        await WaitUntilAsync(() => Volatile.Read(ref committed) >= 30);

        var backup = new DatabaseBackup(new SqliteConnectionFactory(Database.Path));
        var copies = new List<(string Path, int Before, int After)>();
        for (var i = 0; i < 4; i++)
        {
            var before = Volatile.Read(ref committed);
            var path = Path.Combine(Database.Directory, $"backup-{i}.db");
            await backup.BackupAsync(path, overwrite: false, CancellationToken.None);
            copies.Add((path, before, Volatile.Read(ref committed)));
        }

        var committedDuringBackups = Volatile.Read(ref committed) - copies[0].Before;
        await stop.CancelAsync();
        await writer;

        Assert.True(committedDuringBackups > 0, "the writer kept committing while the backups ran");
        foreach (var (path, before, after) in copies)
        {
            Assert.Equal(["ok"], await SqliteFile.IntegrityCheckAsync(path));
            Assert.Empty(await SqliteFile.ForeignKeyProblemsAsync(path));

            var snapshots = await SqliteFile.ScalarAsync(path, "SELECT count(*) FROM snapshots");
            var accounts = await SqliteFile.ScalarAsync(path, "SELECT count(*) FROM accounts");
            Assert.Equal(0, snapshots % (2 * NewPerBatch));
            var batches = snapshots / (2 * NewPerBatch);
            Assert.InRange(batches, before, after + 1);
            Assert.Equal(NewPerBatch + (NewPerBatch * batches), accounts);
            Assert.Equal(accounts, await SqliteFile.ScalarAsync(path, "SELECT count(*) FROM watch_entries"));

            // Every account arrived with its snapshot and its open handle span: no batch is half in the copy.
            Assert.Equal(0L, await SqliteFile.ScalarAsync(path, """
                SELECT count(*) FROM accounts AS a
                 WHERE NOT EXISTS (SELECT 1 FROM snapshots AS s WHERE s.account_id = a.id)
                    OR NOT EXISTS (SELECT 1 FROM account_handles AS h WHERE h.account_id = a.id AND h.last_seen_at IS NULL)
                """));
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(20), "timed out waiting for the writer");
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System);
        }
    }
}
