using Collector.Core.Platforms;
using Collector.Platforms.Http;
using Microsoft.Extensions.Time.Testing;

namespace Collector.Platforms.Tests.Http;

public sealed class RateLimitGateTests
{
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 2, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task UnknownKey_PassesAtOnce()
    {
        var gate = new RateLimitGate(_clock);

        await gate.WaitTurnAsync("bluesky:host", Cap, CancellationToken.None);

        Assert.Empty(gate.Snapshot());
    }

    [Fact]
    public async Task PauseWithinTheCap_WaitsOnTheClockUntilItEnds()
    {
        var gate = new RateLimitGate(_clock);
        var until = _clock.GetUtcNow().AddSeconds(10);
        gate.Record("bluesky:host", new RateLimitInfo(3000, 0, until), until);

        var turn = gate.WaitTurnAsync("bluesky:host", Cap, CancellationToken.None).AsTask();
        _clock.Advance(TimeSpan.FromSeconds(9));
        Assert.False(turn.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));

        await turn.WaitAsync(TimeSpan.FromSeconds(5), TimeProvider.System);
    }

    [Fact]
    public async Task PauseBeyondTheCap_IsRefusedAtOnce_WithRetryAt()
    {
        var gate = new RateLimitGate(_clock);
        var until = _clock.GetUtcNow().AddMinutes(15);
        gate.Record("x:api.x.com", new RateLimitInfo(300, 0, until), until);

        var error = await Assert.ThrowsAsync<PlatformException>(() => gate.WaitTurnAsync("x:api.x.com", Cap, CancellationToken.None).AsTask());

        Assert.Equal(PlatformErrorKind.RateLimited, error.Kind);
        Assert.Equal(until, error.Error.RetryAt);
        Assert.StartsWith("x:api.x.com: rate limit spent until", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PauseInThePast_DoesNotHoldAnything()
    {
        var gate = new RateLimitGate(_clock);
        gate.Record("k", new RateLimitInfo(1, 0, _clock.GetUtcNow()), _clock.GetUtcNow().AddSeconds(-1));

        await gate.WaitTurnAsync("k", TimeSpan.Zero, CancellationToken.None);
    }

    [Fact]
    public async Task KeysAreIndependent()
    {
        var gate = new RateLimitGate(_clock);
        gate.Record("mastodon:a.social", new RateLimitInfo(300, 0, null), _clock.GetUtcNow().AddHours(1));

        await gate.WaitTurnAsync("mastodon:b.social", Cap, CancellationToken.None);
        await Assert.ThrowsAsync<PlatformException>(() => gate.WaitTurnAsync("mastodon:a.social", Cap, CancellationToken.None).AsTask());
    }

    [Fact]
    public void Snapshot_ShowsTheLatestState_AndABareRetryAfterKeepsTheWindow()
    {
        var gate = new RateLimitGate(_clock);
        var reset = _clock.GetUtcNow().AddMinutes(5);
        gate.Record("b", new RateLimitInfo(3000, 12, reset), null);
        gate.Record("a", new RateLimitInfo(300, 7, null), null);
        var pause = _clock.GetUtcNow().AddSeconds(20);
        gate.Record("b", null, pause);

        var states = gate.Snapshot();

        Assert.Equal(["a", "b"], states.Select(s => s.Key));
        Assert.Equal((3000L, 12L, reset, pause), (states[1].Limit!.Value, states[1].Remaining!.Value, states[1].ResetAt!.Value, states[1].PausedUntil!.Value));
    }
}
