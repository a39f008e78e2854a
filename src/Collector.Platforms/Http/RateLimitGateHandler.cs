using Microsoft.Extensions.Logging;

namespace Collector.Platforms.Http;

/// <summary>
/// Outermost handler: one check of the gate per logical request, before the resilience pipeline starts its clocks,
/// so a pause within the cap does not eat into the attempt or total timeout.
/// </summary>
internal sealed class RateLimitGateHandler(RateLimitGate gate, PlatformHttpProfile profile, TimeSpan maxWait, ILogger logger)
    : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = profile.GateKey(request);
        var wait = gate.WaitFor(key, out var pausedUntil);
        if (wait > TimeSpan.Zero)
        {
            if (wait <= maxWait)
            {
                logger.RateLimitPause(profile.Name, key, wait, pausedUntil);
            }
            else
            {
                logger.RateLimitDeferred(profile.Name, key, pausedUntil, maxWait);
            }
        }

        await gate.WaitTurnAsync(key, maxWait, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
