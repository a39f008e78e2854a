using Collector.Core.Platforms;
using Collector.TestKit.Fakes;

namespace Collector.Platforms.Tests.YouTube;

/// <summary>Google's 403s mean different things; the reason decides. None of them may carry the key anywhere.</summary>
public sealed class YouTubeFailureTests
{
    [Theory]
    [InlineData(YouTubeErrorBodies.RateLimitExceeded)]
    [InlineData(YouTubeErrorBodies.UserRateLimitExceeded)]
    public async Task ShortTermThrottle_IsRateLimited_NotQuotaExceeded(string body)
    {
        await using var harness = await YouTubeHarness.StartAsync();
        harness.Server.InjectFault(FakeFault.Status(403, body));

        var error = await Assert.ThrowsAsync<PlatformException>(() => harness.Client.ResolveAsync(["@channel1"], CancellationToken.None));

        Assert.Equal(PlatformErrorKind.RateLimited, error.Kind);
        Assert.Single(harness.Server.Requests);
        Assert.Null((await harness.UsageAsync(new DateOnly(2025, 3, 8))).ExhaustedAt);
    }

    [Fact]
    public async Task InvalidKey_IsUnauthorized_WithoutShowingTheKey()
    {
        await using var harness = await YouTubeHarness.StartAsync(new Dictionary<string, string?> { ["ApiKey"] = "AIzaSy-revoked-key-000" });

        var error = await Assert.ThrowsAsync<PlatformException>(() => harness.Client.ResolveAsync(["@channel1"], CancellationToken.None));

        Assert.Equal(PlatformErrorKind.Unauthorized, error.Kind);
        Assert.Contains("API key is not valid", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AIzaSy-revoked-key-000", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("AIzaSy-revoked-key-000", Assert.Single(harness.Server.Requests).Header("X-Goog-Api-Key"));
    }

    [Fact]
    public async Task ApiNotEnabled_IsUnauthorized_WithAClearMessage()
    {
        await using var harness = await YouTubeHarness.StartAsync();
        harness.Server.ApiEnabled = false;

        var error = await Assert.ThrowsAsync<PlatformException>(() => harness.Client.ResolveAsync(["@channel1"], CancellationToken.None));

        Assert.Equal(PlatformErrorKind.Unauthorized, error.Kind);
        Assert.Contains("accessNotConfigured", error.Message, StringComparison.Ordinal);
        Assert.Contains("YouTube Data API v3 is not enabled", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnErrorEchoingTheKey_IsRedacted()
    {
        await using var harness = await YouTubeHarness.StartAsync();
        harness.Server.InjectFault(FakeFault.Status(400, $$$"""
            {"error":{"code":400,"message":"Bad key {{{YouTubeHarness.Key}}}","errors":[{"message":"x","domain":"global","reason":"badRequest"}]}}
            """));

        var error = await Assert.ThrowsAsync<PlatformException>(() => harness.Client.ResolveAsync(["@channel1"], CancellationToken.None));

        Assert.DoesNotContain(YouTubeHarness.Key, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("[redacted]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAKey_ThePlatformIsNotConfigured_AndSendsNothing()
    {
        await using var harness = await YouTubeHarness.StartAsync(new Dictionary<string, string?> { ["ApiKey"] = " " });

        var error = await Assert.ThrowsAsync<PlatformException>(() => harness.Client.ResolveAsync(["@channel1"], CancellationToken.None));

        Assert.False(harness.Client.IsConfigured);
        Assert.Equal(PlatformErrorKind.NotConfigured, error.Kind);
        Assert.Empty(harness.Server.Requests);
        Assert.Equal(0, (await harness.UsageAsync(new DateOnly(2025, 3, 8))).Units);
    }
}
