namespace Collector.Platforms.YouTube;

/// <summary>
/// Innermost handler of the YouTube client, inside the retry loop: every attempt reaches Google and is charged, a
/// retried one too, so each attempt is paid for here, just before it is sent.
/// </summary>
internal sealed class YouTubeQuotaHandler(YouTubeQuota quota) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await quota.SpendAsync(YouTubeQuota.UnitsPerRequest, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
