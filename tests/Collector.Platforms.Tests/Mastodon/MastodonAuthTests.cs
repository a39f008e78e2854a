using Collector.Core.Platforms;
using Collector.TestKit.Fakes;

namespace Collector.Platforms.Tests.Mastodon;

/// <summary>Instances that refuse unauthenticated reads, and a token that only ever goes to the instance that issued it.</summary>
public sealed class MastodonAuthTests
{
    private const string Token = "tok-9f8e7d6c5b4a";

    [Fact]
    public async Task InstanceRequiringAuth_WithoutAToken_IsUnauthorized_ForThatInstanceOnly()
    {
        await using var harness = await MastodonHarness.StartAsync();
        harness.SocialInstance.RequiresAuth = true;
        harness.SocialInstance.AddAccount(new FakeMastodonAccount("1", "Gargron"));

        var error = await Assert.ThrowsAsync<PlatformException>(
            () => harness.Client.ResolveAsync(["gargron@mastodon.social"], CancellationToken.None));

        Assert.Equal(PlatformErrorKind.Unauthorized, error.Kind);
        Assert.Equal(MastodonHarness.Social, error.Error.Scope);
        Assert.Contains("This API requires an authenticated user", error.Message, StringComparison.Ordinal);
        Assert.Contains("mastodon.social requires an access token", error.Message, StringComparison.Ordinal);
        Assert.Null(Assert.Single(harness.Server.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task Token_IsSentToItsOwnInstance_AndToNoOther()
    {
        await using var harness = await MastodonHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["AccessToken"] = Token + "\n",
            ["AccessTokenInstance"] = "Mastodon.Social",
        });
        harness.SocialInstance.RequiresAuth = true;
        harness.SocialInstance.ValidToken = Token;
        harness.SocialInstance.AddAccount(new FakeMastodonAccount("1", "Gargron") { Followers = 5 });
        harness.FosstodonInstance.AddAccount(new FakeMastodonAccount("2", "alice") { Followers = 6 });

        var social = Assert.Single(await harness.Client.ResolveAsync(["gargron@mastodon.social"], CancellationToken.None));
        var fosstodon = Assert.Single(await harness.Client.ResolveAsync(["alice@fosstodon.org"], CancellationToken.None));
        await harness.Client.GetRecentPostsAsync(social.Profile!, 5, CancellationToken.None);

        Assert.Equal(5, social.Profile?.Followers);
        Assert.Equal(6, fosstodon.Profile?.Followers);
        Assert.All(harness.Server.RequestsOn(MastodonHarness.Social), r => Assert.Equal($"Bearer {Token}", r.Header("Authorization")));
        Assert.Equal(2, harness.Server.RequestsOn(MastodonHarness.Social).Count);
        Assert.Null(Assert.Single(harness.Server.RequestsOn(MastodonHarness.Fosstodon)).Header("Authorization"));
    }

    [Fact]
    public async Task RefusedToken_IsUnauthorized_AndSaysSo()
    {
        await using var harness = await MastodonHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["AccessToken"] = Token,
            ["AccessTokenInstance"] = MastodonHarness.Social,
        });
        harness.SocialInstance.ValidToken = "another-token";

        var error = await Assert.ThrowsAsync<PlatformException>(
            () => harness.Client.ResolveAsync(["gargron@mastodon.social"], CancellationToken.None));

        Assert.Equal(PlatformErrorKind.Unauthorized, error.Kind);
        Assert.Contains("The access token is invalid", error.Message, StringComparison.Ordinal);
        Assert.Contains("refused the access token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInstanceEchoingTheToken_DoesNotGetItIntoTheErrorMessage()
    {
        await using var harness = await MastodonHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["AccessToken"] = Token,
            ["AccessTokenInstance"] = MastodonHarness.Social,
        });
        harness.Server.InjectFault(FakeFault.Status(401, $$"""{"error":"token {{Token}} is not valid here"}"""));

        var error = await Assert.ThrowsAsync<PlatformException>(
            () => harness.Client.ResolveAsync(["gargron@mastodon.social"], CancellationToken.None));

        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("[redacted]", error.Message, StringComparison.Ordinal);
    }
}
