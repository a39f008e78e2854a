using Collector.Core.Platforms;
using Collector.TestKit.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Collector.Platforms.Tests.Bluesky;

public sealed class BlueskyRegistrationTests
{
    [Fact]
    public void AddBluesky_RegistersOnePlatformClient_WithTheApisCapabilities()
    {
        using var services = BlueskyHarness.BuildServices(new Dictionary<string, string?>());

        var client = Assert.Single(services.GetServices<IPlatformClient>());

        Assert.Equal(PlatformKeys.Bluesky, client.Platform);
        Assert.True(client.IsConfigured);
        Assert.Equal(new PlatformCapabilities(25, 25, 100, HasViews: false, NeedsCredential: false), client.Capabilities);
    }

    [Fact]
    public void WithoutSettings_TheClientTargetsThePublicAppView()
    {
        using var services = BlueskyHarness.BuildServices(new Dictionary<string, string?>());

        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(PlatformKeys.Bluesky);

        Assert.Equal(new Uri("https://public.api.bsky.app/"), http.BaseAddress);
        Assert.Equal(Timeout.InfiniteTimeSpan, http.Timeout);
    }

    [Theory]
    [InlineData("BaseUrl", "ftp://public.api.bsky.app")]
    [InlineData("BaseUrl", "public.api.bsky.app")]
    [InlineData("BaseUrl", "https://user:secret@public.api.bsky.app")]
    [InlineData("BaseUrl", "https://public.api.bsky.app/?key=1")]
    [InlineData("BaseUrl", "")]
    [InlineData("MaxRetries", "50")]
    [InlineData("MaxResponseBytes", "10")]
    [InlineData("TotalTimeout", "00:00:20")]
    public void InvalidSettings_FailAtStart(string key, string value)
    {
        var error = Assert.Throws<OptionsValidationException>(
            () => BlueskyHarness.BuildServices(new Dictionary<string, string?> { [$"Platforms:Bluesky:{key}"] = value }));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_CarryTheProductUserAgent_AndAskForJson()
    {
        await using var harness = await BlueskyHarness.StartAsync(settings: new Dictionary<string, string?> { ["Contact"] = "https://example.org/collector" });
        var alice = harness.Server.AddAccount(FakeBlueskyAccount.Numbered(1));

        await harness.Client.ResolveAsync([alice.Handle], CancellationToken.None);

        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("collector/0.1.0 (+https://example.org/collector)", request.Header("User-Agent"));
        Assert.Equal("application/json", request.Header("Accept"));
    }

    [Fact]
    public async Task BaseUrlWithAPathPrefix_IsKept()
    {
        await using var server = new FakeBluesky();
        await server.StartAsync();
        using var services = BlueskyHarness.BuildServices(new Dictionary<string, string?>
        {
            ["Platforms:Bluesky:BaseUrl"] = new Uri(server.BaseAddress, "proxy").ToString(),
            ["Platforms:Bluesky:MaxRetries"] = "0",
        });
        var client = services.GetRequiredService<IPlatformClient>();

        await Assert.ThrowsAsync<PlatformException>(() => client.ResolveAsync(["alice.bsky.social"], CancellationToken.None));

        Assert.Equal("/proxy/xrpc/app.bsky.actor.getProfiles", Assert.Single(server.Requests).Path);
    }
}
