using System.Net.Http.Headers;
using Collector.Core.Platforms;
using Collector.Platforms.Bluesky;
using Collector.Platforms.Http;
using Collector.Platforms.Tests.Bluesky;
using Collector.TestKit.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Collector.Platforms.Tests.Http;

/// <summary>The request helper other platform clients build on, through the registered typed-client pipeline.</summary>
public sealed class PlatformApiTests
{
    private const string Secret = "s3cr3t-token-value";

    [Fact]
    public async Task PerRequestHeaders_AreSent_ButNeverAppearInErrors()
    {
        await using var harness = await BlueskyHarness.StartAsync();
        harness.Server.InjectFault(FakeFault.Status(401, """{"error":"The access token is invalid"}"""));
        var api = Api(harness);

        var response = await api.GetJsonAsync(
            "xrpc/app.bsky.actor.getProfiles?actors=a.test&key=" + Secret,
            BlueskyJsonContext.Default.ProfilesResponse,
            CancellationToken.None,
            headers => headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret));

        Assert.Equal($"Bearer {Secret}", Assert.Single(harness.Server.Requests).Header("Authorization"));
        Assert.Equal(PlatformErrorKind.Unauthorized, response.Error?.Error.Kind);
        Assert.DoesNotContain(Secret, response.Error!.Error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("key=", response.Error.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AbsoluteUris_GoToTheirOwnHost_ThroughTheSamePipeline()
    {
        await using var harness = await BlueskyHarness.StartAsync();
        await using var other = new FakeBluesky();
        await other.StartAsync();
        other.AddAccount(FakeBlueskyAccount.Numbered(7));
        var api = Api(harness);

        var response = await api.GetJsonAsync(
            new Uri(other.BaseAddress, "xrpc/app.bsky.actor.getProfiles?actors=user7.bsky.social").ToString(),
            BlueskyJsonContext.Default.ProfilesResponse,
            CancellationToken.None);

        Assert.Equal("user7.bsky.social", Assert.Single(response.GetValueOrThrow().Profiles).Handle);
        Assert.Empty(harness.Server.Requests);
        Assert.Contains(harness.Gate.Snapshot(), s => s.Key == $"bluesky:{other.BaseAddress.Authority}");
    }

    private static PlatformApi Api(BlueskyHarness harness) =>
        new(
            harness.Services.GetRequiredService<IHttpClientFactory>().CreateClient(PlatformKeys.Bluesky),
            BlueskyClient.HttpProfile,
            harness.Services.GetRequiredService<IOptions<BlueskyOptions>>().Value,
            TimeProvider.System);
}
