using Collector.Core.Platforms;
using Collector.TestKit.Fakes;

namespace Collector.Platforms.Tests.Bluesky;

public sealed class BlueskyProfilesTests
{
    [Fact]
    public async Task Resolve_ThirtyHandles_UsesExactlyTwoRequestsOf25And5()
    {
        await using var harness = await BlueskyHarness.StartAsync();
        var accounts = Enumerable.Range(1, 30)
            .Select(i => harness.Server.AddAccount(FakeBlueskyAccount.Numbered(i) with { Followers = 1000 + i }))
            .ToList();

        var outcomes = await harness.Client.ResolveAsync([.. accounts.Select(a => a.Handle)], CancellationToken.None);

        var requests = harness.Server.RequestsTo(FakeBluesky.GetProfilesPath);
        Assert.Equal(2, requests.Count);
        Assert.Equal([25, 5], requests.Select(r => r.QueryValues("actors").Count));
        Assert.Equal(accounts.Select(a => a.Handle), outcomes.Select(o => o.Key));
        Assert.All(outcomes, o => Assert.Null(o.Error));
        Assert.Equal(accounts.Select(a => a.Did), outcomes.Select(o => o.Profile!.PlatformId));
        Assert.Equal(accounts.Select(a => (long?)a.Followers), outcomes.Select(o => o.Profile!.Followers));
    }

    [Fact]
    public async Task Resolve_UnknownHandle_IsNotFound_AndTheOthersAreFound()
    {
        await using var harness = await BlueskyHarness.StartAsync();
        var alice = harness.Server.AddAccount(FakeBlueskyAccount.Numbered(1));

        var outcomes = await harness.Client.ResolveAsync(["nobody.bsky.social", alice.Handle], CancellationToken.None);

        Assert.Equal(PlatformErrorKind.NotFound, outcomes[0].Error?.Kind);
        Assert.Null(outcomes[0].Profile);
        Assert.Equal(alice.Did, outcomes[1].Profile?.PlatformId);
        Assert.Equal(1, harness.Server.CountRequests(FakeBluesky.GetProfilesPath));
    }

    [Fact]
    public async Task Resolve_TakenDownAccount_OmittedByTheApi_IsNotFound()
    {
        await using var harness = await BlueskyHarness.StartAsync();
        var banned = harness.Server.AddAccount(FakeBlueskyAccount.Numbered(1) with { TakenDown = true });
        var alice = harness.Server.AddAccount(FakeBlueskyAccount.Numbered(2));

        var outcomes = await harness.Client.ResolveAsync([banned.Handle, alice.Handle], CancellationToken.None);

        Assert.Equal(PlatformErrorKind.NotFound, outcomes[0].Error?.Kind);
        Assert.True(outcomes[0].Error!.IsAccountLevel);
        Assert.NotNull(outcomes[1].Profile);
    }

    [Fact]
    public async Task Resolve_MatchesHandlesCaseInsensitively_AndKeepsTheKeyAsPassed()
    {
        await using var harness = await BlueskyHarness.StartAsync();
        var alice = harness.Server.AddAccount(new FakeBlueskyAccount("did:plc:z72i7hdynmk6r22z27h6tvur", "alice.bsky.social"));

        var outcomes = await harness.Client.ResolveAsync(["Alice.Bsky.Social", "@alice.bsky.social"], CancellationToken.None);

        Assert.Equal(["Alice.Bsky.Social", "@alice.bsky.social"], outcomes.Select(o => o.Key));
        Assert.All(outcomes, o => Assert.Equal(alice.Did, o.Profile?.PlatformId));
        Assert.All(outcomes, o => Assert.Equal("alice.bsky.social", o.Profile?.Handle));
    }

    [Fact]
    public async Task Resolve_SameAccountTwice_IsAskedForOnce_AndAnsweredForEachKey()
    {
        await using var harness = await BlueskyHarness.StartAsync();
        var alice = harness.Server.AddAccount(FakeBlueskyAccount.Numbered(1));

        var outcomes = await harness.Client.ResolveAsync([alice.Handle, alice.Handle.ToUpperInvariant(), alice.Did], CancellationToken.None);

        Assert.All(outcomes, o => Assert.Equal(alice.Did, o.Profile?.PlatformId));
        Assert.Equal([alice.Handle, alice.Did], Assert.Single(harness.Server.RequestsTo(FakeBluesky.GetProfilesPath)).QueryValues("actors"));
    }

    [Fact]
    public async Task GetProfiles_ByDid_ReportsTheCurrentHandle_AndAbsentCountsAsNull()
    {
        await using var harness = await BlueskyHarness.StartAsync();
        var alice = harness.Server.AddAccount(FakeBlueskyAccount.Numbered(1) with { Followers = 12408, Follows = 311, Posts = 2210 });
        var quiet = harness.Server.AddAccount(FakeBlueskyAccount.Numbered(2) with { Followers = null, Follows = null, Posts = null });
        harness.Server.UpdateAccount(alice.Did, a => a with { Handle = "alice.example.com" });

        var outcomes = await harness.Client.GetProfilesAsync([alice.Did, quiet.Did], CancellationToken.None);

        var first = outcomes[0].Profile!;
        Assert.Equal((alice.Did, "alice.example.com", 12408L, 311L, 2210L), (first.PlatformId, first.Handle, first.Followers!.Value, first.Following!.Value, first.Posts!.Value));
        var second = outcomes[1].Profile!;
        Assert.Equal(((long?)null, (long?)null, (long?)null), (second.Followers, second.Following, second.Posts));
    }

    [Fact]
    public async Task Resolve_EscapesEveryActorInTheQuery()
    {
        await using var harness = await BlueskyHarness.StartAsync();
        var web = harness.Server.AddAccount(new FakeBlueskyAccount("did:web:localhost%3A8080", "web.example.com"));
        var upper = harness.Server.AddAccount(new FakeBlueskyAccount("did:plc:upper0000000000000000000", "Mixed-Case.Example.COM"));

        var outcomes = await harness.Client.ResolveAsync([web.Did, upper.Handle], CancellationToken.None);

        var request = Assert.Single(harness.Server.RequestsTo(FakeBluesky.GetProfilesPath));
        Assert.Contains("actors=did%3Aweb%3Alocalhost%253A8080", request.RawTarget, StringComparison.Ordinal);
        Assert.Equal([web.Did, upper.Handle], request.QueryValues("actors"));
        Assert.All(outcomes, o => Assert.Null(o.Error));
    }

    [Fact]
    public async Task Resolve_MalformedHandle_IsNotFound_WithoutBeingSent()
    {
        await using var harness = await BlueskyHarness.StartAsync();
        var alice = harness.Server.AddAccount(FakeBlueskyAccount.Numbered(1));
        const string hostile = "evil.test&actors=victim.test";

        var outcomes = await harness.Client.ResolveAsync([hostile, alice.Handle], CancellationToken.None);

        Assert.Equal(PlatformErrorKind.NotFound, outcomes[0].Error?.Kind);
        Assert.NotNull(outcomes[1].Profile);
        var request = Assert.Single(harness.Server.RequestsTo(FakeBluesky.GetProfilesPath));
        Assert.Equal([alice.Handle], request.QueryValues("actors"));
    }

    [Fact]
    public async Task Resolve_NoHandles_SendsNothing()
    {
        await using var harness = await BlueskyHarness.StartAsync();

        var outcomes = await harness.Client.ResolveAsync([], CancellationToken.None);

        Assert.Empty(outcomes);
        Assert.Empty(harness.Server.Requests);
    }
}
