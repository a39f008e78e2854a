using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collector.Benchmarks.Fake;

/// <summary>
/// <c>Collector.Benchmarks serve</c>: all four fake platforms on one loopback Kestrel port, in a process of its own
/// so that its CPU time and memory are never counted as the collector's. Prints <c>listening URL</c>, then serves until
/// its standard input closes (the harness exiting, however it exits, stops the server too).
/// </summary>
internal static class FakeServer
{
    public const string ListeningPrefix = "listening ";

    private static readonly RequestCounters Counters = new();
    private static int _latencyMs;

    public static async Task<int> RunAsync()
    {
        // No configuration reload: it would watch the content root (the workspace, where the measured process writes
        // its databases) through inotify, and every page SQLite wrote there cost the collector a notification.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        await using var app = builder.Build();
        app.Run(ServeAsync);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        await Console.Out.WriteLineAsync(ListeningPrefix + address.TrimEnd('/') + "/");
        await Console.Out.FlushAsync();

        await Console.In.ReadToEndAsync();
        await app.StopAsync();
        return 0;
    }

    private static async Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith("/_bench/", StringComparison.Ordinal))
        {
            await ControlAsync(context, path);
            return;
        }

        try
        {
            var latency = Volatile.Read(ref _latencyMs);
            if (latency > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(latency), TimeProvider.System, context.RequestAborted);
            }

            var now = TimeProvider.System.GetUtcNow();
            await (path switch
            {
                _ when path.StartsWith("/xrpc/", StringComparison.Ordinal) => BlueskyApi.HandleAsync(context, Counters, now),
                _ when path.StartsWith("/2/users", StringComparison.Ordinal) => XApi.HandleAsync(context, Counters, now),
                _ when path.StartsWith("/youtube/v3/", StringComparison.Ordinal) => YouTubeApi.HandleAsync(context, Counters, now),
                _ when path.Contains(Synthetic.MastodonInstanceSuffix + "/api/v1/accounts/", StringComparison.Ordinal) =>
                    MastodonApi.HandleAsync(context, Counters, now),
                _ => UnknownAsync(context),
            });
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up (its attempt timeout); nobody is left to answer.
        }
    }

    private static Task UnknownAsync(HttpContext context)
    {
        Counters.Add(Endpoint.Unknown);
        return JsonAnswer.ErrorAsync(context, 404, "error", "no such fake endpoint");
    }

    /// <summary><c>GET /_bench/counts</c>, <c>POST /_bench/reset</c>, <c>POST /_bench/latency?ms=N</c>.</summary>
    private static Task ControlAsync(HttpContext context, string path)
    {
        switch (path)
        {
            case "/_bench/counts":
                return JsonAnswer.WriteAsync(context, 200, Counters.WriteJson);
            case "/_bench/reset":
                Counters.Reset();
                context.Response.StatusCode = 204;
                return Task.CompletedTask;
            case "/_bench/latency" when int.TryParse(context.Request.Query["ms"], NumberStyles.None, CultureInfo.InvariantCulture, out var ms):
                Volatile.Write(ref _latencyMs, ms);
                context.Response.StatusCode = 204;
                return Task.CompletedTask;
            default:
                context.Response.StatusCode = 404;
                return Task.CompletedTask;
        }
    }

    /// <summary>Reads the counts answer of <c>/_bench/counts</c>.</summary>
    public static Dictionary<Endpoint, long> ParseCounts(string json)
    {
        var counts = new Dictionary<Endpoint, long>();
        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (Enum.TryParse<Endpoint>(property.Name, out var endpoint))
            {
                counts[endpoint] = property.Value.GetInt64();
            }
        }

        return counts;
    }
}
