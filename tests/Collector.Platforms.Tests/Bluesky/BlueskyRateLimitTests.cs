using Collector.Core.Platforms;
using Collector.TestKit.Fakes;

namespace Collector.Platforms.Tests.Bluesky;

/// <summary>429s, resets and the gate, on a FakeTimeProvider shared by client and fake server: no real sleeping.</summary>
public sealed class BlueskyRateLimitTests
{
    private static readonly TimeSpan NoRealWait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task TooManyRequests_WithResetWithinTheCap_RetriesAfterTheReset()
    {
        await using var harness = await BlueskyHarness.StartAsync(fakeClock: true);
        var alice = harness.Server.AddAccount(FakeBlueskyAccount.Numbered(1));
        var reset = harness.Clock!.GetUtcNow().ToUnixTimeSeconds() + 3;
        harness.Server.InjectFault(BlueskyFaults.TooManyRequests(reset), FakeBluesky.GetProfilesPath);

        var outcomes = await harness.Clock.DriveAsync(
            harness.Client.ResolveAsync([alice.Handle], CancellationToken.None), TimeSpan.FromMilliseconds(250));

        Assert.Equal(alice.Did, outcomes.Single().Profile?.PlatformId);
        var requests = harness.Server.RequestsTo(FakeBluesky.GetProfilesPath);
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ReceivedAt >= DateTimeOffset.FromUnixTimeSeconds(reset), $"retried at {requests[1].ReceivedAt:O}, before the reset");
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt < TimeSpan.FromSeconds(10), "waited far longer than the reset asked");
    }

    [Fact]
    public async Task TooManyRequests_WithResetBeyondTheCap_IsRateLimitedAtOnce_WithRetryAt()
    {
        await using var harness = await BlueskyHarness.StartAsync(fakeClock: true);
        var alice = harness.Server.AddAccount(FakeBlueskyAccount.Numbered(1));
        var reset = harness.Clock!.GetUtcNow().ToUnixTimeSeconds() + 3600;
        harness.Server.InjectFault(BlueskyFaults.TooManyRequests(reset), FakeBluesky.GetProfilesPath);

        // The clock never moves: any sleep on it would hang until WaitAsync gives up.
        var error = await Assert.ThrowsAsync<PlatformException>(
            () => harness.Client.ResolveAsync([alice.Handle], CancellationToken.None).WaitAsync(NoRealWait, TimeProvider.System));

        Assert.Equal(PlatformErrorKind.RateLimited, error.Kind);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(reset).AddSeconds(1), error.Error.RetryAt);
        Assert.Equal(1, harness.Server.CountRequests(FakeBluesky.GetProfilesPath));
    }

    [Fact]
    public async Task ServiceUnavailable_WithRetryAfterBeyondTheCap_IsNotRetried_AndCarriesRetryAt()
    {
        await using var harness = await BlueskyHarness.StartAsync(fakeClock: true);
        var alice = harness.Server.AddAccount(FakeBlueskyAccount.Numbered(1));
        harness.Server.InjectFault(
            FakeFault.Status(503, """{"error":"InternalServerError","message":"Internal Server Error"}""", new Dictionary<string, string> { ["Retry-After"] = "3600" }),
            FakeBluesky.GetProfilesPath);

        var error = await Assert.ThrowsAsync<PlatformException>(
            () => harness.Client.ResolveAsync([alice.Handle], CancellationToken.None).WaitAsync(NoRealWait, TimeProvider.System));

        Assert.Equal(PlatformErrorKind.Unavailable, error.Kind);
        Assert.Equal(BlueskyHarness.Start.AddHours(1), error.Error.RetryAt);
        Assert.Equal(1, harness.Server.CountRequests(FakeBluesky.GetProfilesPath));
    }

    [Fact]
    public async Task RemainingZero_HoldsTheNextRequestUntilTheReset()
    {
        await using var harness = await BlueskyHarness.StartAsync(fakeClock: true);
        var alice = harness.Server.AddAccount(FakeBlueskyAccount.Numbered(1));
        harness.Server.RateLimit.Configure(2, TimeSpan.FromSeconds(20));
        await harness.Client.ResolveAsync([alice.Handle], CancellationToken.None);
        await harness.Client.ResolveAsync([alice.Handle], CancellationToken.None);
        var reset = DateTimeOffset.FromUnixTimeSeconds((BlueskyHarness.Start + TimeSpan.FromSeconds(20)).ToUnixTimeSeconds());

        var third = harness.Client.ResolveAsync([alice.Handle], CancellationToken.None);
        await Task.WhenAny(third, Task.Delay(TimeSpan.FromMilliseconds(300), TimeProvider.System));

        Assert.False(third.IsCompleted);
        Assert.Equal(2, harness.Server.CountRequests(FakeBluesky.GetProfilesPath));
        var state = Assert.Single(harness.Gate.Snapshot());
        Assert.Equal((2L, 0L, reset, reset.AddSeconds(1)), (state.Limit!.Value, state.Remaining!.Value, state.ResetAt!.Value, state.PausedUntil!.Value));

        var outcomes = await harness.Clock!.DriveAsync(third, TimeSpan.FromMilliseconds(500));

        Assert.NotNull(outcomes.Single().Profile);
        var sent = harness.Server.RequestsTo(FakeBluesky.GetProfilesPath);
        Assert.Equal(3, sent.Count);
        Assert.True(sent[2].ReceivedAt >= reset, $"sent at {sent[2].ReceivedAt:O}, before the reset");
    }

    [Fact]
    public async Task RemainingZero_WithResetBeyondTheCap_RefusesTheNextRequestWithoutSendingIt()
    {
        await using var harness = await BlueskyHarness.StartAsync(fakeClock: true);
        var alice = harness.Server.AddAccount(FakeBlueskyAccount.Numbered(1));
        harness.Server.RateLimit.Configure(1, TimeSpan.FromMinutes(10));
        await harness.Client.ResolveAsync([alice.Handle], CancellationToken.None);

        var error = await Assert.ThrowsAsync<PlatformException>(
            () => harness.Client.ResolveAsync([alice.Handle], CancellationToken.None).WaitAsync(NoRealWait, TimeProvider.System));

        Assert.Equal(PlatformErrorKind.RateLimited, error.Kind);
        var reset = DateTimeOffset.FromUnixTimeSeconds((BlueskyHarness.Start + TimeSpan.FromMinutes(10)).ToUnixTimeSeconds());
        Assert.Equal(reset.AddSeconds(1), error.Error.RetryAt);
        Assert.Equal(1, harness.Server.CountRequests(FakeBluesky.GetProfilesPath));
    }

    [Fact]
    public async Task EveryResponse_UpdatesTheGateState()
    {
        await using var harness = await BlueskyHarness.StartAsync(fakeClock: true);
        var alice = harness.Server.AddAccount(FakeBlueskyAccount.Numbered(1));

        await harness.Client.ResolveAsync([alice.Handle], CancellationToken.None);
        await harness.Client.GetRecentPostsAsync(new(alice.Did, alice.Handle, null, null, null), 5, CancellationToken.None);

        var state = Assert.Single(harness.Gate.Snapshot());
        Assert.Equal($"bluesky:{harness.Server.BaseAddress.Authority}", state.Key);
        Assert.Equal((3000L, 2998L), (state.Limit!.Value, state.Remaining!.Value));
        Assert.Null(state.PausedUntil);
    }
}
