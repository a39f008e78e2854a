using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collector.Worker.Web;

/// <summary>
/// <c>/healthz</c> and <c>/metrics</c> on <c>Http:Urls</c>. A small Kestrel app of its own inside the worker's host:
/// the worker stays a plain Generic Host (no listener at all when the setting is empty), and this app's only job is
/// to answer two GETs from the worker's singletons.
/// </summary>
internal sealed partial class WebEndpoint(
    IOptions<HttpEndpointOptions> options,
    HealthReporter health,
    PrometheusExporter metrics,
    ILoggerFactory loggers,
    ILogger<WebEndpoint> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The addresses actually bound (port 0 resolved); empty when the endpoint is off.</summary>
    public IReadOnlyList<Uri> Addresses { get; private set; } = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var urls = options.Value.Parsed();
        if (urls.Count == 0)
        {
            LogDisabled();
            return;
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls([.. urls]);
        builder.Services.AddSingleton(loggers);
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.Services.Configure<HostOptions>(static o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync(cancellationToken);
        _app = app;

        Addresses = [.. app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Select(static a => new Uri(a))];
        LogListening(Addresses);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is { } app)
        {
            await app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _app, null) is { } app)
        {
            await app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "GET";
            return;
        }

        context.Response.Headers.CacheControl = "no-store";
        switch (request.Path.Value)
        {
            case "/healthz":
                var report = await health.CheckAsync(context.RequestAborted);
                context.Response.StatusCode = report.Serving ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
                context.Response.ContentType = "application/json; charset=utf-8";
                await JsonSerializer.SerializeAsync(context.Response.Body, report, HealthJsonContext.Default.HealthReport, context.RequestAborted);
                break;
            case "/metrics":
                context.Response.ContentType = PrometheusExporter.ContentType;
                await context.Response.WriteAsync(metrics.Scrape(), context.RequestAborted);
                break;
            default:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Health and metrics endpoint off (Http:Urls is empty)")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving /healthz and /metrics on {Addresses}")]
    private partial void LogListening(IReadOnlyList<Uri> addresses);
}
