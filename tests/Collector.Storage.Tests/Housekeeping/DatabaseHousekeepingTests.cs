using Collector.Core.Storage;
using Collector.Storage.Housekeeping;
using Collector.TestKit.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collector.Storage.Tests.Housekeeping;

public sealed class DatabaseHousekeepingTests : StoreTestBase
{
    [Fact]
    public async Task Run_CheckpointsTheWalIntoTheDatabaseAndTruncatesIt()
    {
        await SaveAsync([.. Enumerable.Range(0, 200).Select(i => Observed($"account-{i}").Build())]);
        var wal = new FileInfo(Database.Path + "-wal");
        Assert.True(wal.Length > 0, "the writes are in the WAL before housekeeping");

        var report = await Housekeeping(RetentionPolicy.KeepEverything).RunAsync(CancellationToken.None);

        wal.Refresh();
        Assert.False(report.Checkpoint.Busy);
        Assert.True(report.Checkpoint.LogFrames >= 0);
        Assert.Equal(0, wal.Length);
        Assert.Equal(200L, await Database.CountAsync("snapshots"));
        Assert.Equal(["ok"], await SqliteFile.IntegrityCheckAsync(Database.Path));
    }

    [Fact]
    public async Task Run_WhileAReaderHoldsAnOldSnapshot_ReportsTheCheckpointBusyWithoutFailingOrWaitingLong()
    {
        await SaveAsync(Observed("alice"));
        await using var reader = await Database.OpenAsync();
        await using var readTransaction = reader.BeginTransaction(deferred: true);
        await using (var read = reader.CreateCommand())
        {
            read.Transaction = readTransaction;
            read.CommandText = "SELECT count(*) FROM snapshots";
            await read.ExecuteScalarAsync(); // the read transaction starts here and pins the WAL
        }

        await SaveAsync(Observed("bob"));
        var started = TimeProvider.System.GetTimestamp();

        var report = await Housekeeping(RetentionPolicy.KeepEverything).RunAsync(CancellationToken.None);

        Assert.True(report.Checkpoint.Busy);
        Assert.InRange(TimeProvider.System.GetElapsedTime(started), TimeSpan.Zero, TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task Run_WhileBatchesAreWritten_NeitherSideFails()
    {
        // Old days with many snapshots per account to thin in small windows, while a writer keeps committing.
        var old = Clock.GetUtcNow().AddDays(-30);
        for (var day = 0; day < 10; day++)
        {
            var batch = Enumerable.Range(0, 300)
                .Select(i => new ObservationBuilder($"old-{i % 30}", old.AddDays(day).AddMinutes(i)).Build());
            await SaveAsync([.. batch]);
        }

        using var stop = new CancellationTokenSource();
        var committed = 0;
        var writer = Task.Run(async () =>
        {
            for (var b = 0; !stop.IsCancellationRequested; b++)
            {
                await SaveAsync([.. Enumerable.Range(0, 10).Select(i => Observed($"new-{b}-{i}").Build())]);
                Interlocked.Increment(ref committed);

                // A round fetches between its commits; a writer that never lets go would starve any other.
                await Task.Delay(TimeSpan.FromMilliseconds(2), TimeProvider.System);
            }
        });

        var housekeeping = new DatabaseHousekeeping(
            new SqliteConnectionFactory(Database.Path), new RetentionPolicy(7), TimeProvider.System, NullLogger<DatabaseHousekeeping>.Instance)
        {
            ThinningWindowSize = 25,
        };
        HousekeepingReport report;
        int committedMeanwhile;
        try
        {
            var atStart = Volatile.Read(ref committed);
            report = await housekeeping.RunAsync(CancellationToken.None);
            committedMeanwhile = Volatile.Read(ref committed) - atStart;
        }
        finally
        {
            await stop.CancelAsync();
            await writer;
        }

        Assert.Equal(3000 - (30 * 10), report.SnapshotsDeleted);
        Assert.True(committedMeanwhile > 0, "the writer got the lock between thinning windows");
        Assert.Equal(300 + (committed * 10), await Database.CountAsync("snapshots"));
    }

    [Fact]
    public async Task Run_OnAReadOnlyDatabase_FailsWithAStorageException()
    {
        var old = Clock.GetUtcNow().AddDays(-10);
        await SaveAsync(new ObservationBuilder("a", old), new ObservationBuilder("a", old.AddHours(1)));
        var housekeeping = new DatabaseHousekeeping(
            new SqliteConnectionFactory(Database.Path, new ConnectionConstraints(ReadOnly: true)),
            new RetentionPolicy(1),
            Clock,
            NullLogger<DatabaseHousekeeping>.Instance);

        var error = await Assert.ThrowsAsync<StorageException>(() => housekeeping.RunAsync(CancellationToken.None));

        Assert.Equal(StorageErrorKind.ReadOnly, error.Kind);
        Assert.Equal(2L, await Database.CountAsync("snapshots"));
    }

    [Theory]
    [InlineData(1, "2025-03-10T00:00:00Z")]
    [InlineData(30, "2025-02-09T00:00:00Z")]
    public void RetentionPolicy_ThinsWholeUtcDaysBeforeTheRawOnes(int days, string thinnedBefore)
    {
        var now = new DateTimeOffset(2025, 3, 10, 23, 30, 0, TimeSpan.FromHours(-5)); // 2025-03-11T04:30Z

        var before = new RetentionPolicy(days).ThinBefore(now);

        Assert.Equal(DateTimeOffset.Parse(thinnedBefore, System.Globalization.CultureInfo.InvariantCulture), before);
    }

    [Fact]
    public void RetentionPolicy_RejectsLessThanOneDay_AndNullKeepsEverything()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetentionPolicy(0));
        Assert.Null(RetentionPolicy.KeepEverything.ThinBefore(Clock.GetUtcNow()));
    }

    private DatabaseHousekeeping Housekeeping(RetentionPolicy retention) =>
        new(new SqliteConnectionFactory(Database.Path), retention, Clock, NullLogger<DatabaseHousekeeping>.Instance);
}
