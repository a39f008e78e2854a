namespace Collector.Worker.Web;

/// <summary>Records each request's duration by platform and status class (2xx...5xx, error, cancelled).</summary>
internal sealed class RequestTimingHandler(string platform, CollectorMetrics metrics, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var statusClass = "error";
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            statusClass = $"{(int)response.StatusCode / 100}xx";
            return response;
        }
        catch (OperationCanceledException)
        {
            statusClass = "cancelled";
            throw;
        }
        finally
        {
            metrics.RequestCompleted(platform, statusClass, time.GetElapsedTime(started));
        }
    }
}
