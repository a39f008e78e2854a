using Collector.Core.Metrics;
using System.Collections;
using Collector.Core.Platforms;
using Collector.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Tests.Collection;

public sealed class SaveBatchAtomicityTests : StoreTestBase
{
    [Fact]
    public async Task SaveBatch_WhenARowMidwayViolatesAConstraint_WritesNothing()
    {
        await SaveAsync(Observed("existing").WithCounts(10, 1, 1));
        Clock.Advance(TimeSpan.FromHours(6));
        AccountObservation[] batch =
        [
            Observed("existing").WithCounts(20, 2, 2),
            Observed("new-one"),
            Observed("broken").WithQuality((DataQuality)(-1)), // CHECK (quality_flags >= 0) fails at this row's insert
            Observed("after"),
        ];

        await Assert.ThrowsAsync<SqliteException>(() =>
            Store.SaveBatchAsync(Platform, batch, [Failed("existing", PlatformErrorKind.Unavailable, "x")], CancellationToken.None));

        await AssertOnlyTheFirstSaveIsStoredAsync();
    }

    [Fact]
    public async Task SaveBatch_WhenCancelledMidway_WritesNothing()
    {
        await SaveAsync(Observed("existing").WithCounts(10, 1, 1));
        Clock.Advance(TimeSpan.FromHours(6));
        using var cancellation = new CancellationTokenSource();
        var batch = new CancelOnRead<AccountObservation>(
            [Observed("existing").WithCounts(20, 2, 2), Observed("new-one"), Observed("after")],
            cancelAtIndex: 2,
            cancellation);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Store.SaveBatchAsync(Platform, batch, [], cancellation.Token));

        Assert.True(batch.WasReadPast(1), "the cancellation must happen after rows were written");
        await AssertOnlyTheFirstSaveIsStoredAsync();
    }

    [Fact]
    public async Task SaveBatch_WhenCancelledWhileWritingFailures_RollsBackTheObservationsToo()
    {
        await SaveAsync(Observed("existing").WithCounts(10, 1, 1));
        Clock.Advance(TimeSpan.FromHours(6));
        using var cancellation = new CancellationTokenSource();
        var failures = new CancelOnRead<AccountFailure>(
            [Failed("a", PlatformErrorKind.NotFound, "gone"), Failed("b", PlatformErrorKind.NotFound, "gone")],
            cancelAtIndex: 1,
            cancellation);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Store.SaveBatchAsync(Platform, [Observed("existing").WithCounts(20, 2, 2)], failures, cancellation.Token));

        await AssertOnlyTheFirstSaveIsStoredAsync();
    }

    [Fact]
    public async Task SaveBatch_WithAnAlreadyCancelledToken_WritesNothing()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Store.SaveBatchAsync(Platform, [Observed("alice").Build()], [], cancellation.Token));

        Assert.Equal(0L, await Database.CountAsync("watch_entries"));
    }

    [Fact]
    public async Task Snapshots_AreAppendOnly()
    {
        await SaveAsync(Observed("alice").WithCounts(10, 1, 1));

        var error = await Assert.ThrowsAsync<SqliteException>(() => Database.ExecuteAsync("UPDATE snapshots SET followers = 99"));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        Assert.Equal(10L, await Database.ScalarAsync("SELECT followers FROM snapshots"));
    }

    private async Task AssertOnlyTheFirstSaveIsStoredAsync()
    {
        Assert.Equal(1L, await Database.CountAsync("accounts"));
        Assert.Equal(1L, await Database.CountAsync("account_handles"));
        Assert.Equal(1L, await Database.CountAsync("snapshots"));
        var status = Assert.Single(await Reader.GetStatusAsync(CancellationToken.None));
        Assert.Equal("existing", status.WatchKey);
        Assert.Equal(10, status.Latest!.Followers);
        Assert.Equal(0, status.State!.ConsecutiveFailures);
        Assert.Equal(Clock.GetUtcNow() - TimeSpan.FromHours(6), status.State.LastAttemptAt);
    }

    /// <summary>A batch whose reader pulls the plug when it reaches a given row, as a shutdown would mid-write.</summary>
    private sealed class CancelOnRead<T>(IReadOnlyList<T> items, int cancelAtIndex, CancellationTokenSource cancellation)
        : IReadOnlyList<T>
    {
        private int _highestRead = -1;

        public int Count => items.Count;

        public T this[int index]
        {
            get
            {
                _highestRead = Math.Max(_highestRead, index);
                if (index == cancelAtIndex)
                {
                    cancellation.Cancel();
                }

                return items[index];
            }
        }

        public bool WasReadPast(int index) => _highestRead > index;

        public IEnumerator<T> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
