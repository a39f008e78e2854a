using Collector.Core.Platforms;
using Collector.Platforms.X;
using Collector.TestKit.Fakes;

namespace Collector.Platforms.Tests.X;

/// <summary>The bearer token: sent on every request, a refusal costs one request, and it never shows in an error.</summary>
public sealed class XCredentialTests
{
    private const string WrongToken = "AAAAAAAAAAAAAAAAAAAAAWrongTokenSecret%2Fabc%3D123";

    [Fact]
    public async Task Requests_CarryTheBearerToken_AndTheProductUserAgent()
    {
        await using var harness = await XHarness.StartAsync();
        var alice = harness.Server.AddAccount(FakeXAccount.Numbered(1));

        await harness.Client.ResolveAsync([alice.Username], CancellationToken.None);

        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("Bearer " + FakeX.DefaultBearerToken, request.Header("Authorization"));
        Assert.StartsWith("collector/", request.Header("User-Agent"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenFromASecretFile_IsSentWithoutItsTrailingNewline()
    {
        await using var harness = await XHarness.StartAsync(settings: new Dictionary<string, string?> { ["BearerToken"] = FakeX.DefaultBearerToken + "\n" });
        var alice = harness.Server.AddAccount(FakeXAccount.Numbered(1));

        var outcomes = await harness.Client.ResolveAsync([alice.Username], CancellationToken.None);

        Assert.NotNull(outcomes.Single().Profile);
        Assert.Equal("Bearer " + FakeX.DefaultBearerToken, Assert.Single(harness.Server.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task RefusedToken_IsUnauthorized_AfterOneRequest_AndTheMessageSaysWhatToFix()
    {
        await using var harness = await XHarness.StartAsync(settings: new Dictionary<string, string?> { ["BearerToken"] = WrongToken });

        var error = await Assert.ThrowsAsync<PlatformException>(
            () => harness.Client.ResolveAsync(["XDevelopers"], CancellationToken.None));

        Assert.Equal(PlatformErrorKind.Unauthorized, error.Kind);
        Assert.Single(harness.Server.Requests);
        Assert.Equal("x /2/users/by: HTTP 401 Unauthorized: X refused the bearer token; check Platforms:X:BearerToken", error.Message);
        Assert.Null(error.Error.RetryAt);
        AssertNoSecret(error, WrongToken);
    }

    [Fact]
    public async Task AfterARefusal_ConcurrentAndLaterCalls_FailAtOnce_WithoutSendingTheTokenAgain()
    {
        await using var harness = await XHarness.StartAsync(settings: new Dictionary<string, string?> { ["BearerToken"] = WrongToken });
        var client = harness.Client;

        var calls = new[]
        {
            client.ResolveAsync(["first"], CancellationToken.None),
            client.GetProfilesAsync(["1", "2"], CancellationToken.None),
            client.ResolveAsync(["third"], CancellationToken.None),
        };
        var errors = new List<PlatformException>();
        foreach (var call in calls)
        {
            errors.Add(await Assert.ThrowsAsync<PlatformException>(() => call));
        }

        var later = await Assert.ThrowsAsync<PlatformException>(
            () => client.GetRecentPostsAsync(new("2244994945", "XDevelopers", 1, 1, 1), 12, CancellationToken.None));

        Assert.Single(harness.Server.Requests);
        Assert.All(errors.Append(later), e => Assert.Equal(PlatformErrorKind.Unauthorized, e.Kind));
        Assert.All(errors.Append(later), e => AssertNoSecret(e, WrongToken));
    }

    [Fact]
    public async Task ARefusal_IsForgottenAfterItsMemory_SoALaterRoundAsksAgain()
    {
        await using var harness = await XHarness.StartAsync(fakeClock: true, new Dictionary<string, string?> { ["BearerToken"] = WrongToken });
        var alice = harness.Server.AddAccount(FakeXAccount.Numbered(1));
        await Assert.ThrowsAsync<PlatformException>(() => harness.Client.ResolveAsync([alice.Username], CancellationToken.None));
        harness.Server.BearerToken = WrongToken;

        harness.Clock!.Advance(XCredentialGate.RefusalMemory - TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<PlatformException>(() => harness.Client.ResolveAsync([alice.Username], CancellationToken.None));
        var sentWhileRemembered = harness.Server.Requests.Count;
        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        var outcomes = await harness.Client.ResolveAsync([alice.Username], CancellationToken.None);

        Assert.Equal(1, sentWhileRemembered);
        Assert.NotNull(outcomes.Single().Profile);
        Assert.Equal(2, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task ClientForbidden_AppWithoutApiAccess_IsUnauthorized_AndNotRetried()
    {
        await using var harness = await XHarness.StartAsync();
        harness.Server.InjectFault(FakeFault.Status(
            403,
            """{"client_id":"1234","detail":"When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project.","title":"Client Forbidden","required_enrollment":"Appropriate Level of API Access","reason":"client-not-enrolled","type":"https://api.twitter.com/2/problems/client-forbidden"}"""));

        var error = await Assert.ThrowsAsync<PlatformException>(() => harness.Client.ResolveAsync(["XDevelopers"], CancellationToken.None));

        Assert.Equal(PlatformErrorKind.Unauthorized, error.Kind);
        Assert.Contains("client-forbidden: When authenticating", error.Message, StringComparison.Ordinal);
        Assert.Single(harness.Server.Requests);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task WithoutAToken_TheClientIsNotConfigured_AndSendsNothing(string? token)
    {
        await using var harness = await XHarness.StartAsync(settings: new Dictionary<string, string?> { ["BearerToken"] = token });

        var error = await Assert.ThrowsAsync<PlatformException>(() => harness.Client.ResolveAsync(["XDevelopers"], CancellationToken.None));

        Assert.False(harness.Client.IsConfigured);
        Assert.Equal(PlatformErrorKind.NotConfigured, error.Kind);
        Assert.Empty(harness.Server.Requests);
    }

    private static void AssertNoSecret(PlatformException error, string token)
    {
        var everything = string.Join('\n', error.ToString(), error.Error.ToString(), error.InnerException?.ToString() ?? string.Empty);
        Assert.DoesNotContain(token, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("WrongTokenSecret", everything, StringComparison.Ordinal);
    }
}
