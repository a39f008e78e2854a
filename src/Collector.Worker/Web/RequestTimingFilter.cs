using Collector.Core.Platforms;
using Microsoft.Extensions.Http;

namespace Collector.Worker.Web;

/// <summary>
/// Adds <see cref="RequestTimingHandler"/> to every platform's HttpClient (their names are the platform keys),
/// innermost, after the platform's own handlers, so each attempt is timed and retries show as separate requests.
/// </summary>
internal sealed class RequestTimingFilter(CollectorMetrics metrics, TimeProvider time) : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (builder.Name is { } name && PlatformKeys.IsKnown(name))
        {
            builder.AdditionalHandlers.Add(new RequestTimingHandler(name, metrics, time));
        }
    };
}
