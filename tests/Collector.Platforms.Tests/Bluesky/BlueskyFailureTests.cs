using Collector.Core.Platforms;
using Collector.TestKit.Fakes;

namespace Collector.Platforms.Tests.Bluesky;

/// <summary>Transient failures are retried with back-off; permanent ones are not; none leaks a query string.</summary>
public sealed class BlueskyFailureTests
{
    [Fact]
    public async Task ServerError_ThenSuccess_IsRetriedTransparently()
    {
        await using var harness = await BlueskyHarness.StartAsync();
        var alice = harness.Server.AddAccount(FakeBlueskyAccount.Numbered(1));
        harness.Server.InjectFault(
            FakeFault.Status(500, """{"error":"InternalServerError","message":"Internal Server Error"}"""), FakeBluesky.GetProfilesPath);

        var outcomes = await harness.Client.ResolveAsync([alice.Handle], CancellationToken.None);

        Assert.Equal(alice.Did, outcomes.Single().Profile?.PlatformId);
        Assert.Equal(2, harness.Server.CountRequests(FakeBluesky.GetProfilesPath));
    }

    [Fact]
    public async Task ServerErrorEveryTime_GivesUpAfterTheConfiguredRetries_AsUnavailable()
    {
        await using var harness = await BlueskyHarness.StartAsync(settings: new Dictionary<string, string?> { ["MaxRetries"] = "2" });
        var alice = harness.Server.AddAccount(FakeBlueskyAccount.Numbered(1));
        harness.Server.InjectFault(FakeFault.Status(502, "<html>Bad Gateway</html>") with { ContentType = "text/html" }, times: 100);

        var error = await Assert.ThrowsAsync<PlatformException>(
            () => harness.Client.ResolveAsync([alice.Handle], CancellationToken.None));

        Assert.Equal(PlatformErrorKind.Unavailable, error.Kind);
        Assert.Equal(3, harness.Server.CountRequests(FakeBluesky.GetProfilesPath));
        Assert.Contains("/xrpc/app.bsky.actor.getProfiles", error.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 502", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("actors", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("?", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400, PlatformErrorKind.InvalidResponse)]
    [InlineData(401, PlatformErrorKind.Unauthorized)]
    [InlineData(403, PlatformErrorKind.Unauthorized)]
    [InlineData(404, PlatformErrorKind.InvalidResponse)]
    public async Task ClientErrors_AreNotRetried(int status, PlatformErrorKind expected)
    {
        await using var harness = await BlueskyHarness.StartAsync();
        var alice = harness.Server.AddAccount(FakeBlueskyAccount.Numbered(1));
        harness.Server.InjectFault(FakeFault.Status(status, """{"error":"Nope","message":"no"}"""), times: 10);

        var error = await Assert.ThrowsAsync<PlatformException>(
            () => harness.Client.ResolveAsync([alice.Handle], CancellationToken.None));

        // 404 on a 25-actor request cannot mean "this account is gone", so it is not reported as NotFound.
        Assert.Equal(expected, error.Kind);
        Assert.Equal(1, harness.Server.CountRequests(FakeBluesky.GetProfilesPath));
    }

    [Fact]
    public async Task DroppedConnections_AreRetried_ThenUnavailable()
    {
        await using var harness = await BlueskyHarness.StartAsync();
        var alice = harness.Server.AddAccount(FakeBlueskyAccount.Numbered(1));
        harness.Server.InjectFault(FakeFault.DroppedConnection(), times: 100);

        var error = await Assert.ThrowsAsync<PlatformException>(
            () => harness.Client.ResolveAsync([alice.Handle], CancellationToken.None));

        Assert.Equal(PlatformErrorKind.Unavailable, error.Kind);
        Assert.Contains("connection failed", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, harness.Server.CountRequests(FakeBluesky.GetProfilesPath));
    }

    [Fact]
    public async Task HostDown_IsUnavailable()
    {
        await using var harness = await BlueskyHarness.StartAsync(settings: new Dictionary<string, string?> { ["MaxRetries"] = "1" });
        await harness.Server.StopAsync();

        var error = await Assert.ThrowsAsync<PlatformException>(
            () => harness.Client.ResolveAsync(["alice.bsky.social"], CancellationToken.None));

        Assert.Equal(PlatformErrorKind.Unavailable, error.Kind);
    }

    [Fact]
    public async Task SlowAttempt_TimesOut_AndIsRetried()
    {
        await using var harness = await BlueskyHarness.StartAsync(fakeClock: true, new Dictionary<string, string?> { ["AttemptTimeout"] = "00:00:05" });
        var alice = harness.Server.AddAccount(FakeBlueskyAccount.Numbered(1));
        harness.Server.InjectFault(FakeFault.Delayed(TimeSpan.FromMinutes(1)), FakeBluesky.GetProfilesPath);

        // Move time until the retry has reached the server; the retried attempt then completes on its own.
        var outcomes = await harness.Clock!.DriveAsync(
            harness.Client.ResolveAsync([alice.Handle], CancellationToken.None),
            // Small steps leave the retried attempt ample real time to reach the server before its own 5 s run out.
            TimeSpan.FromMilliseconds(100),
            stopWhen: () => harness.Server.CountRequests(FakeBluesky.GetProfilesPath) >= 2);

        Assert.NotNull(outcomes.Single().Profile);
        var requests = harness.Server.RequestsTo(FakeBluesky.GetProfilesPath);
        Assert.Equal(2, requests.Count);
        Assert.InRange(requests[1].ReceivedAt - requests[0].ReceivedAt, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task RepeatedFailures_OpenTheBreaker_WhichFailsFastWithoutSending()
    {
        await using var harness = await BlueskyHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["MaxRetries"] = "1",
            ["BreakerMinimumThroughput"] = "2",
        });
        var alice = harness.Server.AddAccount(FakeBlueskyAccount.Numbered(1));
        harness.Server.InjectFault(FakeFault.Status(500), times: 100);
        await Assert.ThrowsAsync<PlatformException>(() => harness.Client.ResolveAsync([alice.Handle], CancellationToken.None));
        var sentBefore = harness.Server.CountRequests(FakeBluesky.GetProfilesPath);

        var error = await Assert.ThrowsAsync<PlatformException>(
            () => harness.Client.ResolveAsync([alice.Handle], CancellationToken.None));

        Assert.Equal(2, sentBefore);
        Assert.Equal(PlatformErrorKind.Unavailable, error.Kind);
        Assert.Contains("circuit open", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Error.RetryAt);
        Assert.Equal(sentBefore, harness.Server.CountRequests(FakeBluesky.GetProfilesPath));
    }

    [Fact]
    public async Task CallerCancellation_StaysACancellation()
    {
        await using var harness = await BlueskyHarness.StartAsync(fakeClock: true);
        harness.Server.AddAccount(FakeBlueskyAccount.Numbered(1));
        harness.Server.InjectFault(FakeFault.Delayed(TimeSpan.FromMinutes(1)));
        using var cancellation = new CancellationTokenSource();

        var call = harness.Client.ResolveAsync(["user1.bsky.social"], cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(5), TimeProvider.System));
    }
}
