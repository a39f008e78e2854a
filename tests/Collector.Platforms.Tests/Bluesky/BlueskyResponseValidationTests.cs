using Collector.Core.Platforms;
using Collector.TestKit.Fakes;

namespace Collector.Platforms.Tests.Bluesky;

/// <summary>Whatever the body, the client never turns a broken answer into a snapshot.</summary>
public sealed class BlueskyResponseValidationTests
{
    [Theory]
    [InlineData("<html><body>Bad Gateway</body></html>", "$")]
    [InlineData("""{"profiles":[{"did":"did:plc:a","handle":"a.te""", "$.profiles[0].handle")]
    [InlineData("""{"profiles":[{"did":"did:plc:a","handle":"a.test","followersCount":"12"}]}""", "$.profiles[0].followersCount")]
    [InlineData("""{"profiles":[{"did":"did:plc:a","handle":"a.test","followersCount":1.5}]}""", "$.profiles[0].followersCount")]
    [InlineData("""{"profiles":[{"handle":"a.test"}]}""", "$.profiles[0]")]
    [InlineData("""{"profiles":null}""", "$.profiles")]
    [InlineData("""{"feed":[]}""", "$")]
    [InlineData("null", "JSON null")]
    [InlineData("", "$")]
    public async Task UnreadableBody_IsInvalidResponse_AndNotRetried(string body, string where)
    {
        await using var harness = await BlueskyHarness.StartAsync();
        harness.Server.InjectFault(BlueskyFaults.Ok(body), FakeBluesky.GetProfilesPath, times: 10);

        var error = await Assert.ThrowsAsync<PlatformException>(
            () => harness.Client.ResolveAsync(["a.test"], CancellationToken.None));

        Assert.Equal(PlatformErrorKind.InvalidResponse, error.Kind);
        Assert.Contains(where, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, harness.Server.CountRequests(FakeBluesky.GetProfilesPath));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task BodyOverTheSizeCap_IsInvalidResponse(bool sendContentLength)
    {
        await using var harness = await BlueskyHarness.StartAsync(settings: new Dictionary<string, string?> { ["MaxResponseBytes"] = "4096" });
        var profiles = string.Join(',', Enumerable.Range(0, 200).Select(i => $$"""{"did":"did:plc:{{i}}","handle":"u{{i}}.test"}"""));
        harness.Server.InjectFault(BlueskyFaults.Ok($$"""{"profiles":[{{profiles}}]}""", sendContentLength), FakeBluesky.GetProfilesPath);

        var error = await Assert.ThrowsAsync<PlatformException>(
            () => harness.Client.ResolveAsync(["u1.test"], CancellationToken.None));

        Assert.Equal(PlatformErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("4096-byte cap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BodyUnderTheSizeCap_IsRead()
    {
        await using var harness = await BlueskyHarness.StartAsync(settings: new Dictionary<string, string?> { ["MaxResponseBytes"] = "4096" });
        var alice = harness.Server.AddAccount(FakeBlueskyAccount.Numbered(1));

        var outcomes = await harness.Client.ResolveAsync([alice.Handle], CancellationToken.None);

        Assert.NotNull(outcomes.Single().Profile);
    }

    [Theory]
    [InlineData(-5L)]
    [InlineData(10_000_000_001L)]
    public async Task ImplausibleFollowerCount_FailsThatAccountOnly(long followers)
    {
        await using var harness = await BlueskyHarness.StartAsync();
        var broken = harness.Server.AddAccount(FakeBlueskyAccount.Numbered(1) with { Followers = followers });
        var fine = harness.Server.AddAccount(FakeBlueskyAccount.Numbered(2));

        var outcomes = await harness.Client.ResolveAsync([broken.Handle, fine.Handle], CancellationToken.None);

        Assert.Null(outcomes[0].Profile);
        Assert.Equal(PlatformErrorKind.InvalidResponse, outcomes[0].Error?.Kind);
        Assert.Contains("followersCount", outcomes[0].Error!.Message, StringComparison.Ordinal);
        Assert.Equal(fine.Followers, outcomes[1].Profile?.Followers);
    }

    [Fact]
    public async Task LargestPlausibleCount_IsAccepted()
    {
        await using var harness = await BlueskyHarness.StartAsync();
        var huge = harness.Server.AddAccount(FakeBlueskyAccount.Numbered(1) with { Followers = 10_000_000_000 });

        var outcomes = await harness.Client.ResolveAsync([huge.Handle], CancellationToken.None);

        Assert.Equal(10_000_000_000, outcomes.Single().Profile?.Followers);
    }
}
