using Collector.Core.Bands;
using Collector.Core.Metrics;
using Collector.Core.Storage;
using Collector.Core.Watchlist;
using Collector.TestKit.Builders;
using Collector.Worker.Output;

namespace Collector.Worker.Tests.Output;

/// <summary>Every row carries its own account's record, whatever order the database numbered the entries in.</summary>
public sealed class StatusRowsTests
{
    private static readonly WatchlistDocument Watchlist = new(
        "watchlist.yaml",
        new PlatformDefaults(new Schedule.Every(TimeSpan.FromHours(6)), 12, BandSettings.Default),
        new Dictionary<string, PlatformDefaults>(),
        [
            WatchedAccountBuilder.Account("bluesky", "a.example.com"),
            WatchedAccountBuilder.Account("x", "a.example.com"),
            WatchedAccountBuilder.Account("bluesky", "b.example.com"),
            WatchedAccountBuilder.Account("bluesky", "c.example.com"),
        ]);

    [Fact]
    public void Build_RecordsInWatchlistOrder_EachRowHasItsAccountsRecord()
    {
        var rows = new StatusRows(Watchlist).Build([Record("bluesky", "a.example.com", 1), Record("x", "a.example.com", 2),
            Record("bluesky", "b.example.com", 3), Record("bluesky", "c.example.com", 4)]);

        Assert.Equal([1L, 2L, 3L, 4L], Followers(rows));
    }

    [Fact]
    public void Build_RecordsInAnotherOrder_EachRowHasItsAccountsRecord()
    {
        // The same handle on two platforms, and an order that matches at one position only.
        var rows = new StatusRows(Watchlist).Build([Record("x", "a.example.com", 2), Record("bluesky", "a.example.com", 1),
            Record("bluesky", "b.example.com", 3), Record("bluesky", "d.example.com", 9), Record("bluesky", "c.example.com", 4)]);

        Assert.Equal([1L, 2L, 3L, 4L], Followers(rows));
    }

    [Fact]
    public void Build_EntriesTheWatchlistNoLongerHasOrNotYetCollected_RowsWithoutRecordsWhereTheDatabaseHasNone()
    {
        // An account removed from the watchlist keeps its entry; one added since has none yet.
        var rows = new StatusRows(Watchlist).Build([Record("bluesky", "a.example.com", 1), Record("bluesky", "gone.example.com", 9),
            Record("x", "a.example.com", 2), Record("bluesky", "c.example.com", 4)]);

        Assert.Equal([1L, 2L, null, 4L], Followers(rows));
    }

    [Fact]
    public void Build_FewerRecordsThanAccounts_TheRestHaveNoRecord()
    {
        var rows = new StatusRows(Watchlist).Build([Record("bluesky", "a.example.com", 1), Record("x", "a.example.com", 2)]);

        Assert.Equal([1L, 2L, null, null], Followers(rows));
    }

    [Fact]
    public void Build_TwoRecordsWithOneKey_TheLastWins()
    {
        var rows = new StatusRows(Watchlist).Build([Record("bluesky", "a.example.com", 1), Record("bluesky", "a.example.com", 5)]);

        Assert.Equal([5L, null, null, null], Followers(rows));
    }

    [Fact]
    public void Build_AHandBuiltWatchlistListingAKeyTwice_BothRowsHaveItsRecord()
    {
        // A loaded watchlist rejects a repeated account; a document built in code can still hold one.
        var watchlist = Watchlist with { Accounts = [.. Watchlist.Accounts, WatchedAccountBuilder.Account("bluesky", "a.example.com"), WatchedAccountBuilder.Account("bluesky", "a.example.com")] };
        var rows = new StatusRows(watchlist);

        var built = rows.Build([Record("bluesky", "a.example.com", 1), Record("x", "a.example.com", 2)]);

        Assert.Equal([1L, 2L, null, null, 1L, 1L], Followers(built));
        Assert.Equal(0, rows.FirstIndexOf(Record("bluesky", "a.example.com", 1)));
        Assert.Equal([4, 5, -1], new[] { rows.NextIndexOf(0), rows.NextIndexOf(4), rows.NextIndexOf(5) });
    }

    [Fact]
    public void FirstIndexOf_ARecordTheWatchlistDoesNotHave_IsMinusOne()
    {
        var rows = new StatusRows(Watchlist);

        Assert.Equal(-1, rows.FirstIndexOf(Record("bluesky", "gone.example.com", 9)));
        Assert.Equal(-1, rows.FirstIndexOf(Record("mastodon", "a.example.com", 9)));
        Assert.Equal(1, rows.FirstIndexOf(Record("x", "a.example.com", 9)));
    }

    private static long?[] Followers(IReadOnlyList<StatusRow> rows) => [.. rows.Select(static r => r.Followers)];

    private static AccountStatusRecord Record(string platform, string key, long followers) => new(
        platform,
        key,
        AccountId: followers,
        PlatformId: $"id-{followers}",
        Handle: key,
        Latest: new SnapshotRecord(followers, DateTimeOffset.UnixEpoch, followers, 1, 1, 0, null, null, null, null, null, null, DataQuality.None),
        State: new CollectionStateRecord(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 0, null, null, null));
}
