using Collector.Core.Metrics;
using Collector.Core.Platforms;
using Collector.TestKit.Fakes;

namespace Collector.Platforms.Tests.Mastodon;

public sealed class MastodonProfilesTests
{
    private const string LookupPath = "/api/v1/accounts/lookup";

    [Fact]
    public async Task Resolve_LooksEachAccountUpOnItsHomeInstance()
    {
        await using var harness = await MastodonHarness.StartAsync();
        harness.SocialInstance.AddAccount(new FakeMastodonAccount("1", "Gargron") { Followers = 318_699, Following = 453, Statuses = 61_013 });
        harness.FosstodonInstance.AddAccount(new FakeMastodonAccount("1", "alice") { Followers = 12_408, Following = 311, Statuses = 2_210 });

        var social = await harness.Client.ResolveAsync(["gargron@mastodon.social"], CancellationToken.None);
        var fosstodon = await harness.Client.ResolveAsync(["@Alice@Fosstodon.org"], CancellationToken.None);

        Assert.Equal(
            ProfileOutcome.Found("gargron@mastodon.social", new ProfileMetrics("1@mastodon.social", "Gargron@mastodon.social", 318_699, 453, 61_013)),
            Assert.Single(social));
        Assert.Equal(
            ProfileOutcome.Found("@Alice@Fosstodon.org", new ProfileMetrics("1@fosstodon.org", "alice@fosstodon.org", 12_408, 311, 2_210)),
            Assert.Single(fosstodon));
        var socialRequest = Assert.Single(harness.Server.RequestsOn(MastodonHarness.Social));
        Assert.Equal(FakeMastodon.PathOn(MastodonHarness.Social, LookupPath), socialRequest.Path);
        Assert.Equal("gargron", socialRequest.QueryValue("acct"));
        Assert.Equal("Alice", Assert.Single(harness.Server.RequestsOn(MastodonHarness.Fosstodon)).QueryValue("acct"));
    }

    [Fact]
    public async Task GetProfiles_ReadsTheAccountById_OnTheInstanceInTheId()
    {
        await using var harness = await MastodonHarness.StartAsync();
        harness.SocialInstance.AddAccount(new FakeMastodonAccount("1", "Gargron") { Followers = 10 });
        harness.FosstodonInstance.AddAccount(new FakeMastodonAccount("1", "alice") { Followers = 20 });

        var outcome = Assert.Single(await harness.Client.GetProfilesAsync(["1@fosstodon.org"], CancellationToken.None));

        Assert.Equal(20, outcome.Profile?.Followers);
        Assert.Equal("1@fosstodon.org", outcome.Key);
        Assert.Equal(
            FakeMastodon.PathOn(MastodonHarness.Fosstodon, "/api/v1/accounts/1"),
            Assert.Single(harness.Server.Requests).Path);
    }

    [Fact]
    public async Task UnknownAccount_404RecordNotFound_IsANotFoundOutcome()
    {
        await using var harness = await MastodonHarness.StartAsync();

        var byHandle = Assert.Single(await harness.Client.ResolveAsync(["nobody@mastodon.social"], CancellationToken.None));
        var byId = Assert.Single(await harness.Client.GetProfilesAsync(["42@mastodon.social"], CancellationToken.None));

        Assert.Null(byHandle.Profile);
        Assert.Equal(PlatformErrorKind.NotFound, byHandle.Error?.Kind);
        Assert.Contains("Record not found", byHandle.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("mastodon.social", byHandle.Error.Message, StringComparison.Ordinal);
        Assert.Equal(PlatformErrorKind.NotFound, byId.Error?.Kind);
    }

    [Fact]
    public async Task SuspendedAccount_IsSuspended_NotADropToZeroFollowers()
    {
        await using var harness = await MastodonHarness.StartAsync();
        harness.SocialInstance.AddAccount(new FakeMastodonAccount("7", "spammer") { Followers = 50_000, Suspended = true });

        var resolved = Assert.Single(await harness.Client.ResolveAsync(["spammer@mastodon.social"], CancellationToken.None));
        var refreshed = Assert.Single(await harness.Client.GetProfilesAsync(["7@mastodon.social"], CancellationToken.None));

        Assert.Null(resolved.Profile);
        Assert.Equal(PlatformErrorKind.Suspended, resolved.Error?.Kind);
        Assert.Null(refreshed.Profile);
        Assert.Equal(PlatformErrorKind.Suspended, refreshed.Error?.Kind);
    }

    [Fact]
    public async Task Gone410_FromServersOlderThan33_IsSuspended()
    {
        await using var harness = await MastodonHarness.StartAsync();
        harness.Server.InjectFault(FakeFault.Status(410), FakeMastodon.PathOn(MastodonHarness.Social, "/api/v1/accounts/7"));

        var outcome = Assert.Single(await harness.Client.GetProfilesAsync(["7@mastodon.social"], CancellationToken.None));

        Assert.Equal(PlatformErrorKind.Suspended, outcome.Error?.Kind);
    }

    [Theory]
    [InlineData("gargron")]
    [InlineData("gargron@")]
    [InlineData("gar/gron@mastodon.social")]
    [InlineData("gargron@mastodon.social/../x")]
    [InlineData("gargron@127.0.0.1")]
    public async Task MalformedHandle_IsNotFound_WithoutARequest(string handle)
    {
        await using var harness = await MastodonHarness.StartAsync();

        var outcome = Assert.Single(await harness.Client.ResolveAsync([handle], CancellationToken.None));

        Assert.Equal(PlatformErrorKind.NotFound, outcome.Error?.Kind);
        Assert.Empty(harness.Server.Requests);
    }

    [Fact]
    public async Task AccountsWithTheSameIdOnTwoInstances_GetDistinctPlatformIds()
    {
        await using var harness = await MastodonHarness.StartAsync();
        harness.SocialInstance.AddAccount(new FakeMastodonAccount("1", "alice"));
        harness.FosstodonInstance.AddAccount(new FakeMastodonAccount("1", "alice"));

        var a = Assert.Single(await harness.Client.ResolveAsync(["alice@mastodon.social"], CancellationToken.None));
        var b = Assert.Single(await harness.Client.ResolveAsync(["alice@fosstodon.org"], CancellationToken.None));

        Assert.NotEqual(a.Profile!.PlatformId, b.Profile!.PlatformId);
    }

    [Fact]
    public async Task UnreachableInstance_IsUnavailable_ScopedToThatInstance()
    {
        await using var harness = await MastodonHarness.StartAsync(settings: new Dictionary<string, string?> { ["MaxRetries"] = "0" });

        var error = await Assert.ThrowsAsync<PlatformException>(
            () => harness.Client.ResolveAsync(["someone@unknown.example"], CancellationToken.None));

        Assert.Equal(PlatformErrorKind.Unavailable, error.Kind);
        Assert.Equal("unknown.example", error.Error.Scope);
    }
}
