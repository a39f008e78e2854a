using Collector.Core.Watchlist;
using Collector.Worker.Watchlists;

namespace Collector.Worker.Tests.Run;

public sealed class WatchlistStateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Reject_KeepsTheWatchlistInForceAndRemembersWhy_UntilAValidOneIsAccepted()
    {
        var state = new WatchlistState();
        var first = Document("first.yaml");
        state.Initialize(first, T0);

        var rejected = state.Reject([new WatchlistProblem("w.yaml", 3, 5, "bad")], T0.AddMinutes(1));

        Assert.Same(first, state.Current);
        Assert.Equal(1, rejected.Version);
        Assert.False(rejected.FileIsValid);
        Assert.Equal(T0.AddMinutes(1), rejected.RejectedAt);

        var second = Document("second.yaml");
        var accepted = state.Accept(second, T0.AddMinutes(2));

        Assert.Same(second, state.Current);
        Assert.Equal(2, accepted.Version);
        Assert.True(accepted.FileIsValid);
        Assert.Null(accepted.RejectedAt);
        Assert.Equal(T0.AddMinutes(2), accepted.LoadedAt);
    }

    [Fact]
    public void Current_BeforeInitialize_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new WatchlistState().Current);
    }

    private static WatchlistDocument Document(string path)
    {
        var result = WatchlistLoader.Parse("accounts:\n  - bluesky: alice.example.com\n", path);
        Assert.True(result.IsValid);
        return result.Document!;
    }
}
