using Collector.Core.Metrics;
using Collector.Core.Storage;
using Collector.Core.Watchlist;
using Collector.TestKit.Builders;
using Collector.Worker.Output;

namespace Collector.Worker.Tests.Output;

/// <summary>Every row carries its own account's record, whatever order the database numbered the entries in.</summary>
public sealed class StatusRowsTests
{
    private static readonly WatchlistDocument Watchlist = WatchlistBuilder.Document(
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
        Assert.Equal([0, 4, 5], Positions(rows, Record("bluesky", "a.example.com", 1)));
    }

    [Fact]
    public void AccountsOf_ARecordTheWatchlistDoesNotHave_IsNone()
    {
        var rows = new StatusRows(Watchlist);

        Assert.Empty(Positions(rows, Record("bluesky", "gone.example.com", 9)));
        Assert.Empty(Positions(rows, Record("mastodon", "a.example.com", 9)));
        Assert.Equal([1], Positions(rows, Record("x", "a.example.com", 9)));
    }

    [Fact]
    public void AccountsOf_ALargeWatchlist_FindsEveryAccountAtItsPosition()
    {
        // Enough accounts to be hashed on several threads, and to make keys share slots.
        var watchlist = Watchlist with { Accounts = [.. Enumerable.Range(0, 50_000).Select(static i => WatchedAccountBuilder.Account(i % 3 == 0 ? "x" : "bluesky", $"u{i}.example.com"))] };
        var rows = new StatusRows(watchlist);

        for (var i = 0; i < 50_000; i++)
        {
            Assert.Equal([i], Positions(rows, Record(i % 3 == 0 ? "x" : "bluesky", $"u{i}.example.com", i)));
        }

        Assert.Empty(Positions(rows, Record("x", "u1.example.com", 1)));
    }

    private static List<int> Positions(StatusRows rows, AccountStatusRecord record)
    {
        var positions = new List<int>();
        foreach (var (position, account) in rows.AccountsOf(record))
        {
            Assert.Equal((record.Platform, record.WatchKey), (account.Platform, account.Key));
            positions.Add(position);
        }

        return positions;
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
