using Collector.Core.Platforms;
using Collector.TestKit.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Collector.Platforms.Tests.X;

public sealed class XRegistrationTests
{
    private const string Token = "AAAAAAAAAAAAAAAAAAAAASecretToken%3Dxyz";

    [Fact]
    public void AddX_RegistersOnePlatformClient_WithTheApisCapabilities()
    {
        using var services = XHarness.BuildServices(new Dictionary<string, string?> { ["Platforms:X:BearerToken"] = Token });

        var client = Assert.Single(services.GetServices<IPlatformClient>());

        Assert.Equal(PlatformKeys.X, client.Platform);
        Assert.True(client.IsConfigured);
        Assert.Equal(new PlatformCapabilities(100, 100, 100, HasViews: true, NeedsCredential: true), client.Capabilities);
    }

    [Fact]
    public void WithoutSettings_TheClientIsNotConfigured_AndTargetsApiXCom()
    {
        using var services = XHarness.BuildServices(new Dictionary<string, string?>());

        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(PlatformKeys.X);

        Assert.False(services.GetRequiredService<IPlatformClient>().IsConfigured);
        Assert.Equal(new Uri("https://api.x.com/"), http.BaseAddress);
        Assert.Null(http.DefaultRequestHeaders.Authorization);
    }

    [Theory]
    [InlineData("BaseUrl", "ftp://api.x.com")]
    [InlineData("BaseUrl", "https://user:pass@api.x.com")]
    [InlineData("BaseUrl", "https://api.x.com/?bearer=1")]
    [InlineData("BaseUrl", "http://api.x.com")]
    [InlineData("MaxRetries", "50")]
    public void InvalidSettings_FailAtStart(string key, string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => XHarness.BuildServices(new Dictionary<string, string?>
        {
            ["Platforms:X:BearerToken"] = Token,
            [$"Platforms:X:{key}"] = value,
        }));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("two words")]
    [InlineData("tab\tinside")]
    [InlineData("naïve")]
    public void MalformedToken_FailsAtStart_WithoutShowingIt(string token)
    {
        var error = Assert.Throws<OptionsValidationException>(
            () => XHarness.BuildServices(new Dictionary<string, string?> { ["Platforms:X:BearerToken"] = token }));

        Assert.Contains("BearerToken", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlainHttp_IsAllowedWithoutAToken()
    {
        using var services = XHarness.BuildServices(new Dictionary<string, string?> { ["Platforms:X:BaseUrl"] = "http://api.x.com" });

        Assert.False(services.GetRequiredService<IPlatformClient>().IsConfigured);
    }

    [Fact]
    public async Task BaseUrlWithAPathPrefix_IsKept()
    {
        await using var server = new FakeX();
        await server.StartAsync();
        using var services = XHarness.BuildServices(new Dictionary<string, string?>
        {
            ["Platforms:X:BaseUrl"] = new Uri(server.BaseAddress, "proxy").ToString(),
            ["Platforms:X:BearerToken"] = Token,
            ["Platforms:X:MaxRetries"] = "0",
        });
        var client = services.GetRequiredService<IPlatformClient>();

        await Assert.ThrowsAsync<PlatformException>(() => client.ResolveAsync(["XDevelopers"], CancellationToken.None));

        Assert.Equal("/proxy/2/users/by", Assert.Single(server.Requests).Path);
    }

    [Fact]
    public async Task ARefusalSeenByOneClientInstance_StopsTheOthers()
    {
        await using var harness = await XHarness.StartAsync(settings: new Dictionary<string, string?> { ["BearerToken"] = Token });
        var first = harness.Client;
        var second = harness.Client;
        await Assert.ThrowsAsync<PlatformException>(() => first.ResolveAsync(["XDevelopers"], CancellationToken.None));

        var error = await Assert.ThrowsAsync<PlatformException>(() => second.ResolveAsync(["XDevelopers"], CancellationToken.None));

        Assert.NotSame(first, second);
        Assert.Equal(PlatformErrorKind.Unauthorized, error.Kind);
        Assert.Single(harness.Server.Requests);
    }
}
