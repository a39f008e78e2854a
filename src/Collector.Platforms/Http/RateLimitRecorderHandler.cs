using System.Net;

namespace Collector.Platforms.Http;

/// <summary>
/// Innermost handler: records every attempt's rate-limit headers into the gate, retries included, so concurrent
/// requests learn about an exhausted window as soon as any response reveals it.
/// </summary>
internal sealed class RateLimitRecorderHandler(RateLimitGate gate, PlatformHttpProfile profile, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var now = time.GetUtcNow();
        var info = RateLimitHeaders.Parse(response.Headers, profile.Dialect, now);
        var pausedUntil = info?.IsExhausted == true || response.StatusCode == HttpStatusCode.TooManyRequests
            ? RateLimitHeaders.RequestedRetryAt(response, profile.Dialect, now)
            : null;
        gate.Record(profile.GateKey(request), info, pausedUntil);
        return response;
    }
}
