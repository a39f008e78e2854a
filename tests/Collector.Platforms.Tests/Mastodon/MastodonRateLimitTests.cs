using Collector.Core.Platforms;
using Collector.TestKit.Fakes;

namespace Collector.Platforms.Tests.Mastodon;

/// <summary>
/// Rate limits are per instance: the ISO-8601 <c>X-RateLimit-Reset</c> pauses only the instance that sent it. The
/// client and the fake share a FakeTimeProvider, so no test sleeps for real.
/// </summary>
public sealed class MastodonRateLimitTests
{
    private static readonly TimeSpan NoRealWait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task TooManyRequests_WithAnIsoResetBeyondTheCap_IsRateLimitedUntilThatInstant_ForThatInstance()
    {
        await using var harness = await MastodonHarness.StartAsync(fakeClock: true);
        harness.SocialInstance.AddAccount(new FakeMastodonAccount("1", "Gargron"));
        harness.Server.InjectFault(TooManyRequests("2025-03-02T13:00:00.123456Z"));

        var error = await Assert.ThrowsAsync<PlatformException>(
            () => harness.Client.ResolveAsync(["gargron@mastodon.social"], CancellationToken.None).WaitAsync(NoRealWait, TimeProvider.System));

        Assert.Equal(PlatformErrorKind.RateLimited, error.Kind);
        Assert.Equal(new DateTimeOffset(2025, 3, 2, 13, 0, 0, TimeSpan.Zero).AddTicks(1_234_560), error.Error.RetryAt);
        Assert.Equal(MastodonHarness.Social, error.Error.Scope);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task APausedInstance_DoesNotHoldBackAnotherInstance()
    {
        await using var harness = await MastodonHarness.StartAsync(fakeClock: true);
        harness.SocialInstance.AddAccount(new FakeMastodonAccount("1", "Gargron"));
        harness.FosstodonInstance.AddAccount(new FakeMastodonAccount("2", "alice"));
        harness.Server.InjectFault(TooManyRequests("2025-03-02T13:00:00.000000Z"));
        await Assert.ThrowsAsync<PlatformException>(() => harness.Client.ResolveAsync(["gargron@mastodon.social"], CancellationToken.None));

        // The clock does not move: a wait on the paused instance's gate would hang until WaitAsync gives up.
        var other = await harness.Client.ResolveAsync(["alice@fosstodon.org"], CancellationToken.None).WaitAsync(NoRealWait, TimeProvider.System);
        var again = await Assert.ThrowsAsync<PlatformException>(
            () => harness.Client.ResolveAsync(["gargron@mastodon.social"], CancellationToken.None).WaitAsync(NoRealWait, TimeProvider.System));

        Assert.NotNull(Assert.Single(other).Profile);
        Assert.Equal(PlatformErrorKind.RateLimited, again.Kind);
        Assert.Equal(MastodonHarness.Social, again.Error.Scope);
        Assert.Single(harness.Server.RequestsOn(MastodonHarness.Social));
        var keys = harness.Gate.Snapshot().Select(s => s.Key).ToList();
        Assert.Equal(2, keys.Count);
        Assert.Contains(keys, k => k.EndsWith("/" + MastodonHarness.Social, StringComparison.Ordinal));
        Assert.Contains(keys, k => k.EndsWith("/" + MastodonHarness.Fosstodon, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SpentWindow_RemainingZero_RefusesTheNextRequestToThatInstanceWithoutSendingIt()
    {
        await using var harness = await MastodonHarness.StartAsync(fakeClock: true);
        harness.SocialInstance.AddAccount(new FakeMastodonAccount("1", "Gargron"));
        harness.FosstodonInstance.AddAccount(new FakeMastodonAccount("2", "alice"));
        harness.SocialInstance.RateLimit.Configure(1, TimeSpan.FromMinutes(5));
        await harness.Client.ResolveAsync(["gargron@mastodon.social"], CancellationToken.None);

        var error = await Assert.ThrowsAsync<PlatformException>(
            () => harness.Client.GetProfilesAsync(["1@mastodon.social"], CancellationToken.None).WaitAsync(NoRealWait, TimeProvider.System));
        var other = await harness.Client.GetProfilesAsync(["2@fosstodon.org"], CancellationToken.None).WaitAsync(NoRealWait, TimeProvider.System);

        Assert.Equal(PlatformErrorKind.RateLimited, error.Kind);
        Assert.Equal(MastodonHarness.Start.AddMinutes(5), error.Error.RetryAt);
        Assert.NotNull(Assert.Single(other).Profile);
        Assert.Single(harness.Server.RequestsOn(MastodonHarness.Social));
    }

    [Fact]
    public async Task TooManyRequests_WithAResetWithinTheCap_IsRetriedAfterTheReset()
    {
        await using var harness = await MastodonHarness.StartAsync(fakeClock: true);
        harness.SocialInstance.AddAccount(new FakeMastodonAccount("1", "Gargron"));
        var reset = MastodonHarness.Start.AddSeconds(3);
        harness.Server.InjectFault(TooManyRequests(reset.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture)));

        var outcomes = await harness.Clock!.DriveAsync(
            harness.Client.ResolveAsync(["gargron@mastodon.social"], CancellationToken.None), TimeSpan.FromMilliseconds(250));

        Assert.NotNull(Assert.Single(outcomes).Profile);
        var requests = harness.Server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ReceivedAt >= reset, $"retried at {requests[1].ReceivedAt:O}, before the reset");
    }

    private static FakeFault TooManyRequests(string isoReset) =>
        FakeFault.Status(429, """{"error":"Too many requests"}""", new Dictionary<string, string>
        {
            ["X-RateLimit-Limit"] = "300",
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset"] = isoReset,
        });
}
