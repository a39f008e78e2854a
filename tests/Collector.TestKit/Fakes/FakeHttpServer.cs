using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collector.TestKit.Fakes;

/// <summary>
/// A platform API on loopback (Kestrel, 127.0.0.1, a free port): records every request, serves queued faults,
/// and hands the rest to the platform fake's <see cref="HandleAsync"/>. Start per test or per fixture; dispose stops it.
/// </summary>
public abstract class FakeHttpServer(TimeProvider? clock) : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<FaultEntry> _faults = [];
    private WebApplication? _app;
    private Uri? _baseAddress;

    /// <summary>The clock for delays, timestamps and rate-limit windows: pass the test's FakeTimeProvider to control it.</summary>
    public TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("Start the server first.");

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<RecordedRequest> RequestsTo(string path) =>
        [.. Requests.Where(r => string.Equals(r.Path, path, StringComparison.Ordinal))];

    public int CountRequests(string path) => RequestsTo(path).Count;

    /// <summary>Queues a fault for the next <paramref name="times"/> requests to <paramref name="path"/> (null: any path). Faults apply in the order queued.</summary>
    public void InjectFault(FakeFault fault, string? path = null, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_lock)
        {
            _faults.Add(new FaultEntry(path, fault, times));
        }
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(ServeAsync);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        _baseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    /// <summary>Stops listening; requests to <see cref="BaseAddress"/> are then refused, as by a host that is down.</summary>
    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>The platform's normal answer.</summary>
    protected abstract Task HandleAsync(HttpContext context);

    protected static async Task WriteJsonAsync(HttpContext context, int statusCode, string json)
    {
        ArgumentNullException.ThrowIfNull(context);
        var bytes = Encoding.UTF8.GetBytes(json);
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    private async Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        Record(context, path);
        var fault = TakeFault(path);
        try
        {
            if (fault is not null)
            {
                if (fault.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(fault.Delay, Clock, context.RequestAborted);
                }

                if (fault.AbortConnection)
                {
                    context.Abort();
                    return;
                }

                if (fault.StatusCode is { } status)
                {
                    await WriteFaultAsync(context, fault, status);
                    return;
                }
            }

            await HandleAsync(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up (an attempt timeout); nobody is left to answer.
        }
    }

    private static async Task WriteFaultAsync(HttpContext context, FakeFault fault, int status)
    {
        context.Response.StatusCode = status;
        foreach (var (name, value) in fault.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (fault.Body is null)
        {
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(fault.Body);
        context.Response.ContentType = fault.ContentType;
        if (fault.SendContentLength)
        {
            context.Response.ContentLength = bytes.Length;
        }

        // Written in pieces so a chunked body really streams.
        foreach (var piece in bytes.Chunk(8 * 1024))
        {
            await context.Response.Body.WriteAsync(piece, context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }
    }

    private void Record(HttpContext context, string path)
    {
        var request = context.Request;
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var query = request.Query.ToDictionary(
            q => q.Key, q => (IReadOnlyList<string>)[.. q.Value.Select(v => v ?? string.Empty)], StringComparer.Ordinal);
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? path + request.QueryString.Value;
        var recorded = new RecordedRequest(request.Method, path, rawTarget, headers, query, Clock.GetUtcNow());
        lock (_lock)
        {
            _requests.Add(recorded);
        }
    }

    private FakeFault? TakeFault(string path)
    {
        lock (_lock)
        {
            var index = _faults.FindIndex(f => f.Path is null || string.Equals(f.Path, path, StringComparison.Ordinal));
            if (index < 0)
            {
                return null;
            }

            var entry = _faults[index];
            if (entry.Remaining <= 1)
            {
                _faults.RemoveAt(index);
            }
            else
            {
                _faults[index] = entry with { Remaining = entry.Remaining - 1 };
            }

            return entry.Fault;
        }
    }

    private sealed record FaultEntry(string? Path, FakeFault Fault, int Remaining);
}
