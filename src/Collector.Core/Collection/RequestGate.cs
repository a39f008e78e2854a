using Collector.Core.Platforms;

namespace Collector.Core.Collection;

/// <summary>
/// The one way a round's requests reach the platform: each holds one of the platform's <c>MaxConcurrency</c> slots
/// while it is sent, whichever batch sends it. Batches run side by side and each reads its accounts' posts side by
/// side, so limiting either alone would let their product through. A slot is held only while a request is sent,
/// never while a batch waits for an answer it needs or saves its results, so the slots stay busy as long as any batch
/// has a request to send.
/// </summary>
/// <param name="slots">The platform's slots, shared with any other round of the same platform running meanwhile.</param>
/// <param name="stop">This round's stop: checked once a slot is free, tripped before the slot is given back.</param>
internal sealed class RequestGate(SemaphoreSlim slots, RoundStop stop)
{
    /// <exception cref="PlatformException">The request failed, or the round stopped while it waited for a slot.</exception>
    public async Task<T> SendAsync<T>(Func<Task<T>> send, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        try
        {
            // A request queued before the round stopped must not reach a platform that has just said "stop".
            if (stop.Error is { } stopped)
            {
                throw new PlatformException(stopped);
            }

            return await send();
        }
        catch (PlatformException ex) when (RoundStop.StopsRound(ex.Error))
        {
            // Before the slot is released, so that the request it goes to sees the stop.
            stop.Trip(ex.Error);
            throw;
        }
        finally
        {
            slots.Release();
        }
    }
}
