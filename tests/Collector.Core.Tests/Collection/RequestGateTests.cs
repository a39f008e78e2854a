using Collector.Core.Collection;
using Collector.Core.Platforms;

namespace Collector.Core.Tests.Collection;

public sealed class RequestGateTests
{
    private static readonly PlatformError RateLimited = new(PlatformErrorKind.RateLimited, "rate limited");

    [Fact]
    public async Task Send_WhenTheRequestAheadIsRateLimited_TheQueuedRequestIsNotSent()
    {
        using var slots = new SemaphoreSlim(1, 1);
        var stop = new RoundStop();
        var gate = new RequestGate(slots, stop);
        var firstAnswer = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var queuedSent = false;

        var first = gate.SendAsync(() => firstAnswer.Task, CancellationToken.None);
        var queued = gate.SendAsync(() => { queuedSent = true; return Task.FromResult(2); }, CancellationToken.None);
        firstAnswer.SetException(new PlatformException(RateLimited));

        await Assert.ThrowsAsync<PlatformException>(() => first);
        var error = await Assert.ThrowsAsync<PlatformException>(() => queued);
        Assert.False(queuedSent);
        Assert.Same(RateLimited, error.Error);
        Assert.Same(RateLimited, stop.Error);
        Assert.Equal(1, slots.CurrentCount);
    }

    [Fact]
    public async Task Send_WhenTheRequestAheadFailsForItsOwnPart_TheQueuedRequestIsSent()
    {
        using var slots = new SemaphoreSlim(1, 1);
        var stop = new RoundStop();
        var gate = new RequestGate(slots, stop);
        var firstAnswer = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var scoped = new PlatformError(PlatformErrorKind.RateLimited, "instance paused") { Scope = "a.example" };

        var first = gate.SendAsync(() => firstAnswer.Task, CancellationToken.None);
        var queued = gate.SendAsync(() => Task.FromResult(2), CancellationToken.None);
        firstAnswer.SetException(new PlatformException(scoped));

        await Assert.ThrowsAsync<PlatformException>(() => first);
        Assert.Equal(2, await queued);
        Assert.Null(stop.Error);
    }
}
