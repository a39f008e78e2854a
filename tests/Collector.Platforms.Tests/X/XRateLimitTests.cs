using Collector.Core.Metrics;
using Collector.Core.Platforms;
using Collector.TestKit.Fakes;

namespace Collector.Platforms.Tests.X;

/// <summary>429s, resets and the per-endpoint gate, on a FakeTimeProvider shared by client and fake server: no real sleeping.</summary>
public sealed class XRateLimitTests
{
    private static readonly TimeSpan NoRealWait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task TooManyRequests_ThenSuccess_AfterTheReset()
    {
        await using var harness = await XHarness.StartAsync(fakeClock: true);
        var alice = harness.Server.AddAccount(FakeXAccount.Numbered(1));
        var reset = harness.Clock!.GetUtcNow().ToUnixTimeSeconds() + 3;
        harness.Server.InjectFault(XFaults.TooManyRequests(reset), FakeX.UsersByPath);

        var outcomes = await harness.Clock.DriveAsync(
            harness.Client.ResolveAsync([alice.Username], CancellationToken.None), TimeSpan.FromMilliseconds(250));

        Assert.Equal(alice.Id, outcomes.Single().Profile?.PlatformId);
        var requests = harness.Server.RequestsTo(FakeX.UsersByPath);
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ReceivedAt >= DateTimeOffset.FromUnixTimeSeconds(reset), $"retried at {requests[1].ReceivedAt:O}, before the reset");
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt < TimeSpan.FromSeconds(10), "waited far longer than the reset asked");
    }

    [Fact]
    public async Task TooManyRequests_WithResetBeyondTheCap_IsRateLimitedAtOnce_WithRetryAt()
    {
        await using var harness = await XHarness.StartAsync(fakeClock: true);
        var alice = harness.Server.AddAccount(FakeXAccount.Numbered(1));
        var reset = harness.Clock!.GetUtcNow().ToUnixTimeSeconds() + 900;
        harness.Server.InjectFault(XFaults.TooManyRequests(reset), FakeX.UsersByPath);

        // The clock never moves: any sleep on it would hang until WaitAsync gives up.
        var error = await Assert.ThrowsAsync<PlatformException>(
            () => harness.Client.ResolveAsync([alice.Username], CancellationToken.None).WaitAsync(NoRealWait, TimeProvider.System));

        Assert.Equal(PlatformErrorKind.RateLimited, error.Kind);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(reset).AddSeconds(1), error.Error.RetryAt);
        Assert.Equal(1, harness.Server.CountRequests(FakeX.UsersByPath));
    }

    [Theory]
    [InlineData(XFaults.TooManyRequestsBody, "application/json; charset=utf-8")]
    [InlineData("Rate limit exceeded\n", "text/plain")]
    [InlineData("""{"errors":[{"code":88,"message":"Rate limit exceeded"}]}""", "application/json")]
    [InlineData("""{"title":"Forbidden","type":"https://api.x.com/2/problems/client-forbidden"}""", "application/json")]
    [InlineData("", "text/plain")]
    public async Task TooManyRequests_IsRateLimited_WhateverTheBody(string body, string contentType)
    {
        await using var harness = await XHarness.StartAsync(fakeClock: true);
        var reset = harness.Clock!.GetUtcNow().ToUnixTimeSeconds() + 900;
        harness.Server.InjectFault(XFaults.TooManyRequests(reset, body, contentType));

        var error = await Assert.ThrowsAsync<PlatformException>(
            () => harness.Client.GetProfilesAsync(["2244994945"], CancellationToken.None).WaitAsync(NoRealWait, TimeProvider.System));

        Assert.Equal(PlatformErrorKind.RateLimited, error.Kind);
        Assert.Contains("HTTP 429", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsageCapExceeded_IsQuotaExceeded_WithAClearMessage()
    {
        await using var harness = await XHarness.StartAsync(fakeClock: true);
        var reset = harness.Clock!.GetUtcNow().ToUnixTimeSeconds() + 900;
        harness.Server.InjectFault(XFaults.TooManyRequests(reset, XFaults.UsageCapBody));

        var error = await Assert.ThrowsAsync<PlatformException>(
            () => harness.Client.ResolveAsync(["XDevelopers"], CancellationToken.None).WaitAsync(NoRealWait, TimeProvider.System));

        Assert.Equal(PlatformErrorKind.QuotaExceeded, error.Kind);
        Assert.Contains("usage cap exceeded (Monthly, Product)", error.Message, StringComparison.Ordinal);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task RemainingZero_HoldsTheNextRequestUntilTheReset()
    {
        await using var harness = await XHarness.StartAsync(fakeClock: true);
        var alice = harness.Server.AddAccount(FakeXAccount.Numbered(1));
        harness.Server.UsersByRateLimit.Configure(2, TimeSpan.FromSeconds(20));
        await harness.Client.ResolveAsync([alice.Username], CancellationToken.None);
        await harness.Client.ResolveAsync([alice.Username], CancellationToken.None);
        var reset = DateTimeOffset.FromUnixTimeSeconds((XHarness.Start + TimeSpan.FromSeconds(20)).ToUnixTimeSeconds());

        var third = harness.Client.ResolveAsync([alice.Username], CancellationToken.None);
        await Task.WhenAny(third, Task.Delay(TimeSpan.FromMilliseconds(300), TimeProvider.System));

        Assert.False(third.IsCompleted);
        Assert.Equal(2, harness.Server.CountRequests(FakeX.UsersByPath));
        var state = Assert.Single(harness.Gate.Snapshot());
        Assert.Equal($"x:{harness.Server.BaseAddress.Authority}/2/users/by", state.Key);
        Assert.Equal((2L, 0L, reset, reset.AddSeconds(1)), (state.Limit!.Value, state.Remaining!.Value, state.ResetAt!.Value, state.PausedUntil!.Value));

        var outcomes = await harness.Clock!.DriveAsync(third, TimeSpan.FromMilliseconds(500));

        Assert.NotNull(outcomes.Single().Profile);
        var sent = harness.Server.RequestsTo(FakeX.UsersByPath);
        Assert.Equal(3, sent.Count);
        Assert.True(sent[2].ReceivedAt >= reset, $"sent at {sent[2].ReceivedAt:O}, before the reset");
    }

    [Fact]
    public async Task RemainingZero_OnUserLookup_RefusesTheNextLookup_ButNotTheTimeline()
    {
        await using var harness = await XHarness.StartAsync(fakeClock: true);
        var alice = harness.Server.AddAccount(FakeXAccount.Numbered(1));
        harness.Server.UsersByRateLimit.Configure(1, TimeSpan.FromMinutes(15));
        var profile = (await harness.Client.ResolveAsync([alice.Username], CancellationToken.None)).Single().Profile!;

        var lookup = await Assert.ThrowsAsync<PlatformException>(
            () => harness.Client.ResolveAsync([alice.Username], CancellationToken.None).WaitAsync(NoRealWait, TimeProvider.System));
        var posts = await harness.Client.GetRecentPostsAsync(profile, 5, CancellationToken.None).WaitAsync(NoRealWait, TimeProvider.System);

        Assert.Equal(PlatformErrorKind.RateLimited, lookup.Kind);
        var reset = DateTimeOffset.FromUnixTimeSeconds((XHarness.Start + TimeSpan.FromMinutes(15)).ToUnixTimeSeconds());
        Assert.Equal(reset.AddSeconds(1), lookup.Error.RetryAt);
        Assert.Equal(1, harness.Server.CountRequests(FakeX.UsersByPath));
        Assert.Null(posts.Error);
        Assert.Equal(1, harness.Server.CountRequests(FakeX.TimelinePath(alice.Id)));
    }

    [Fact]
    public async Task EveryResponse_UpdatesTheGateStateOfItsEndpoint()
    {
        await using var harness = await XHarness.StartAsync(fakeClock: true);
        var alice = harness.Server.AddAccount(FakeXAccount.Numbered(1));
        var bob = harness.Server.AddAccount(FakeXAccount.Numbered(2));

        await harness.Client.ResolveAsync([alice.Username], CancellationToken.None);
        await harness.Client.GetProfilesAsync([alice.Id], CancellationToken.None);
        await harness.Client.GetProfilesAsync([bob.Id], CancellationToken.None);
        await harness.Client.GetRecentPostsAsync(new ProfileMetrics(alice.Id, alice.Username, null, null, null), 5, CancellationToken.None);
        await harness.Client.GetRecentPostsAsync(new ProfileMetrics(bob.Id, bob.Username, null, null, null), 5, CancellationToken.None);

        var host = harness.Server.BaseAddress.Authority;
        Assert.Equal(
            [($"x:{host}/2/users", 300L, 298L), ($"x:{host}/2/users/:id/tweets", 10_000L, 9_998L), ($"x:{host}/2/users/by", 300L, 299L)],
            harness.Gate.Snapshot().Select(s => (s.Key, s.Limit!.Value, s.Remaining!.Value)));
        Assert.All(harness.Gate.Snapshot(), s => Assert.Null(s.PausedUntil));
    }
}
