using System.Text;
using Collector.TestKit.Fakes;
using Microsoft.AspNetCore.Http;

namespace Collector.TestKit.Notifications;

/// <summary>
/// A webhook endpoint on loopback (any path): answers 204 and keeps every delivered body with its path and headers.
/// Queue a failure with <see cref="FakeHttpServer.InjectFault"/>; a faulted request is counted in
/// <see cref="FakeHttpServer.Requests"/> but not delivered.
/// </summary>
public sealed class FakeWebhookReceiver(TimeProvider? clock = null) : FakeHttpServer(clock)
{
    private readonly Lock _lock = new();
    private readonly List<Delivery> _deliveries = [];

    public IReadOnlyList<Delivery> Deliveries
    {
        get
        {
            lock (_lock)
            {
                return [.. _deliveries];
            }
        }
    }

    public IReadOnlyList<Delivery> DeliveriesTo(string path) => [.. Deliveries.Where(d => d.Path == path)];

    /// <summary>An absolute URL on this receiver.</summary>
    public string Url(string path) => new Uri(BaseAddress, path.TrimStart('/')).AbsoluteUri;

    protected override async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        lock (_lock)
        {
            _deliveries.Add(new Delivery(context.Request.Path.Value ?? "/", body, context.Request.ContentType, headers));
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    public sealed record Delivery(string Path, string Body, string? ContentType, IReadOnlyDictionary<string, string> Headers);
}
