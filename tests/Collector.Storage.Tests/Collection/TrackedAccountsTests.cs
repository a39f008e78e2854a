using Collector.Core.Platforms;

namespace Collector.Storage.Tests.Collection;

public sealed class TrackedAccountsTests : StoreTestBase
{
    [Fact]
    public async Task GetTrackedAccounts_ReturnsOnlyResolvedEntriesAmongTheRequestedKeys()
    {
        await SaveAsync(
            Observed("alice").WithAccount("did:plc:alice", "alice.example").WithPostsRef("feed-a"),
            Observed("bob").WithAccount("did:plc:bob", "bob"),
            Observed("carol").WithAccount("did:plc:carol", "carol"));
        await SaveFailuresAsync(Failed("ghost", PlatformErrorKind.NotFound, "not found"));

        var tracked = await Store.GetTrackedAccountsAsync(
            Platform, ["alice", "bob", "ghost", "never-seen"], CancellationToken.None);

        Assert.Equal(["alice", "bob"], tracked.Keys.Order(StringComparer.Ordinal));
        var alice = tracked["alice"];
        Assert.Equal("alice", alice.WatchKey);
        Assert.Equal("did:plc:alice", alice.PlatformId);
        Assert.Equal("alice.example", alice.Handle);
        Assert.Equal("feed-a", alice.PostsRef);
        Assert.Equal((await StatusOfAsync("alice")).AccountId, alice.AccountId);
        Assert.Null(tracked["bob"].PostsRef);
    }

    [Fact]
    public async Task GetTrackedAccounts_IgnoresOtherPlatforms()
    {
        await Store.SaveBatchAsync(PlatformKeys.X, [Observed("alice").Build()], [], CancellationToken.None);

        var tracked = await Store.GetTrackedAccountsAsync(Platform, ["alice"], CancellationToken.None);

        Assert.Empty(tracked);
    }

    [Fact]
    public async Task GetTrackedAccounts_AfterARename_ReturnsTheCurrentHandle()
    {
        await SaveAsync(Observed("old").WithAccount("did:plc:1", "old"));
        Clock.Advance(TimeSpan.FromDays(1));
        await SaveAsync(Observed("old").WithAccount("did:plc:1", "new"));

        var tracked = await Store.GetTrackedAccountsAsync(Platform, ["old"], CancellationToken.None);

        Assert.Equal("new", tracked["old"].Handle);
    }

    [Fact]
    public async Task GetTrackedAccounts_WithKeysThatNeedQuotingOrRepeat_MatchesExactly()
    {
        const string odd = "we\"ird\\key'with,json;chars";
        await SaveAsync(Observed(odd), Observed("plain"));

        var tracked = await Store.GetTrackedAccountsAsync(Platform, [odd, odd, "PLAIN"], CancellationToken.None);

        Assert.Equal([odd], tracked.Keys);
    }

    [Fact]
    public async Task GetTrackedAccounts_WithManyKeys_FindsThemAll()
    {
        var keys = Enumerable.Range(0, 40_000).Select(i => $"user{i}").ToList();
        await SaveAsync([.. keys.Where((_, i) => i % 2 == 0).Select(k => Observed(k).Build())]);

        var tracked = await Store.GetTrackedAccountsAsync(Platform, keys, CancellationToken.None);

        Assert.Equal(20_000, tracked.Count);
        Assert.Contains("user39998", tracked.Keys);
        Assert.DoesNotContain("user39999", tracked.Keys);
    }

    [Fact]
    public async Task GetTrackedAccounts_WithNoKeys_ReturnsEmpty()
    {
        await SaveAsync(Observed("alice"));

        Assert.Empty(await Store.GetTrackedAccountsAsync(Platform, [], CancellationToken.None));
    }
}
