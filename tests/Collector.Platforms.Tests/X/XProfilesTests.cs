using Collector.Core.Metrics;
using Collector.Core.Platforms;
using Collector.TestKit.Fakes;

namespace Collector.Platforms.Tests.X;

public sealed class XProfilesTests
{
    [Fact]
    public async Task Resolve_250Handles_Takes3RequestsOf100_100_And50()
    {
        await using var harness = await XHarness.StartAsync();
        var accounts = Enumerable.Range(1, 250)
            .Select(i => harness.Server.AddAccount(FakeXAccount.Numbered(i) with { Followers = 10_000 + i }))
            .ToList();

        var outcomes = await harness.Client.ResolveAsync([.. accounts.Select(a => a.Username)], CancellationToken.None);

        var requests = harness.Server.RequestsTo(FakeX.UsersByPath);
        Assert.Equal([100, 100, 50], requests.Select(r => r.QueryValue("usernames")!.Split(',').Length));
        Assert.All(requests, r => Assert.Equal("public_metrics,created_at,protected", r.QueryValue("user.fields")));
        Assert.Equal(accounts.Select(a => a.Username), outcomes.Select(o => o.Key));
        Assert.All(outcomes, o => Assert.Null(o.Error));
        Assert.Equal(accounts.Select(a => a.Id), outcomes.Select(o => o.Profile!.PlatformId));
        Assert.Equal(accounts.Select(a => (long?)a.Followers), outcomes.Select(o => o.Profile!.Followers));
    }

    [Fact]
    public async Task Resolve_MixedBatch_GivesEachAccountItsOwnOutcome_FromOneRequest()
    {
        await using var harness = await XHarness.StartAsync();
        var alice = harness.Server.AddAccount(FakeXAccount.Numbered(1) with { Followers = 583_423, Following = 2048, Tweets = 14_052 });
        var banned = harness.Server.AddAccount(FakeXAccount.Numbered(2) with { Suspended = true });
        var locked = harness.Server.AddAccount(FakeXAccount.Numbered(3) with { Protected = true, Followers = 42 });

        var outcomes = await harness.Client.ResolveAsync(["nobody_here", banned.Username, alice.Username, locked.Username], CancellationToken.None);

        Assert.Equal(1, harness.Server.CountRequests(FakeX.UsersByPath));
        Assert.Equal(["nobody_here", banned.Username, alice.Username, locked.Username], outcomes.Select(o => o.Key));

        Assert.Equal(PlatformErrorKind.NotFound, outcomes[0].Error?.Kind);
        Assert.Contains("Could not find user with usernames: [nobody_here]", outcomes[0].Error!.Message, StringComparison.Ordinal);

        Assert.Equal(PlatformErrorKind.Suspended, outcomes[1].Error?.Kind);
        Assert.Contains("@user2 is suspended", outcomes[1].Error!.Message, StringComparison.Ordinal);
        Assert.Null(outcomes[1].Profile);

        Assert.Equal(new ProfileMetrics(alice.Id, alice.Username, 583_423, 2048, 14_052), outcomes[2].Profile);

        // Lookup still returns a protected account's counts; only its posts are out of reach.
        Assert.Null(outcomes[3].Error);
        Assert.Equal(new ProfileMetrics(locked.Id, locked.Username, 42, 150, 340, DataQuality.Protected), outcomes[3].Profile);
    }

    [Fact]
    public async Task Resolve_ProblemTypesOnTheApiXComHost_AreMatchedBySuffix()
    {
        await using var harness = await XHarness.StartAsync();
        harness.Server.ProblemTypeBase = "https://api.x.com/2/problems/";
        var banned = harness.Server.AddAccount(FakeXAccount.Numbered(2) with { Suspended = true });

        var outcomes = await harness.Client.ResolveAsync(["nobody_here", banned.Username], CancellationToken.None);

        Assert.Equal([PlatformErrorKind.NotFound, PlatformErrorKind.Suspended], outcomes.Select(o => o.Error?.Kind));
    }

    [Fact]
    public async Task Resolve_AcceptsPostCount_TheNewerNameOfTweetCount()
    {
        await using var harness = await XHarness.StartAsync();
        harness.Server.UsePostNames = true;
        var alice = harness.Server.AddAccount(FakeXAccount.Numbered(1) with { Tweets = 9876 });

        var outcomes = await harness.Client.ResolveAsync([alice.Username], CancellationToken.None);

        Assert.Equal(9876, outcomes.Single().Profile?.Posts);
    }

    [Fact]
    public async Task Resolve_MatchesUsernamesCaseInsensitively_AsksOnce_AndKeepsEachKeyAsPassed()
    {
        await using var harness = await XHarness.StartAsync();
        var dev = harness.Server.AddAccount(new FakeXAccount("2244994945", "XDevelopers"));

        var outcomes = await harness.Client.ResolveAsync(["xdevelopers", "@XDevelopers", "XDEVELOPERS"], CancellationToken.None);

        Assert.Equal(["xdevelopers", "@XDevelopers", "XDEVELOPERS"], outcomes.Select(o => o.Key));
        Assert.All(outcomes, o => Assert.Equal((dev.Id, "XDevelopers"), (o.Profile?.PlatformId, o.Profile?.Handle)));
        Assert.Equal("xdevelopers", Assert.Single(harness.Server.RequestsTo(FakeX.UsersByPath)).QueryValue("usernames"));
    }

    [Fact]
    public async Task Resolve_MalformedHandle_IsNotFound_WithoutBeingSent()
    {
        await using var harness = await XHarness.StartAsync();
        var alice = harness.Server.AddAccount(FakeXAccount.Numbered(1));
        const string hostile = "evil,victim&ids=1";

        var outcomes = await harness.Client.ResolveAsync([hostile, "much_too_long_for_x", alice.Username], CancellationToken.None);

        Assert.Equal([PlatformErrorKind.NotFound, PlatformErrorKind.NotFound, null], outcomes.Select(o => o.Error?.Kind));
        Assert.NotNull(outcomes[2].Profile);
        var request = Assert.Single(harness.Server.RequestsTo(FakeX.UsersByPath));
        Assert.Equal(alice.Username, request.QueryValue("usernames"));
        Assert.Null(request.QueryValue("ids"));
    }

    [Fact]
    public async Task GetProfiles_ById_ReportsTheCurrentUsername_AfterARename()
    {
        await using var harness = await XHarness.StartAsync();
        var alice = harness.Server.AddAccount(FakeXAccount.Numbered(1) with { Followers = 12_408 });
        harness.Server.UpdateAccount(alice.Id, a => a with { Username = "alice_renamed", Followers = 12_500 });

        var outcomes = await harness.Client.GetProfilesAsync([alice.Id], CancellationToken.None);

        var request = Assert.Single(harness.Server.RequestsTo(FakeX.UsersPath));
        Assert.Equal(alice.Id, request.QueryValue("ids"));
        Assert.Equal("public_metrics,created_at,protected", request.QueryValue("user.fields"));
        Assert.Equal(alice.Id, outcomes.Single().Key);
        Assert.Equal((alice.Id, "alice_renamed", 12_500L), (outcomes[0].Profile!.PlatformId, outcomes[0].Profile!.Handle, outcomes[0].Profile!.Followers!.Value));
    }

    [Fact]
    public async Task GetProfiles_MixedIds_UnknownSuspendedAndMalformed_AreOutcomes()
    {
        await using var harness = await XHarness.StartAsync();
        var alice = harness.Server.AddAccount(FakeXAccount.Numbered(1));
        var banned = harness.Server.AddAccount(FakeXAccount.Numbered(2) with { Suspended = true });

        var outcomes = await harness.Client.GetProfilesAsync(["999", banned.Id, "not-an-id", alice.Id], CancellationToken.None);

        Assert.Equal(
            [PlatformErrorKind.NotFound, PlatformErrorKind.Suspended, PlatformErrorKind.NotFound, null],
            outcomes.Select(o => o.Error?.Kind));
        Assert.Equal(alice.Id, outcomes[3].Profile?.PlatformId);
        Assert.Equal($"999,{banned.Id},{alice.Id}", Assert.Single(harness.Server.RequestsTo(FakeX.UsersPath)).QueryValue("ids"));
    }

    [Fact]
    public async Task GetProfiles_AbsentPublicMetrics_AreNullCounts_NotZeros()
    {
        await using var harness = await XHarness.StartAsync();
        var quiet = harness.Server.AddAccount(FakeXAccount.Numbered(1) with { Followers = null, Following = null, Tweets = null });

        var outcomes = await harness.Client.GetProfilesAsync([quiet.Id], CancellationToken.None);

        var profile = outcomes.Single().Profile!;
        Assert.Equal(((long?)null, (long?)null, (long?)null), (profile.Followers, profile.Following, profile.Posts));
    }

    [Fact]
    public async Task Resolve_NoHandles_SendsNothing()
    {
        await using var harness = await XHarness.StartAsync();

        var outcomes = await harness.Client.ResolveAsync([], CancellationToken.None);

        Assert.Empty(outcomes);
        Assert.Empty(harness.Server.Requests);
    }
}
