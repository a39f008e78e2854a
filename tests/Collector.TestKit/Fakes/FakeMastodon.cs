using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Collector.TestKit.Fakes;

/// <summary>
/// Mastodon instances on loopback, each under its own path prefix: <c>http://127.0.0.1:PORT/{instance}/api/v1/...</c>,
/// so the client's <c>Platforms:Mastodon:BaseUrlTemplate</c> is <see cref="BaseUrlTemplate"/>. Each instance answers
/// like Mastodon (platform-apis.md §3): 404 <c>Record not found</c>, 401 when it requires auth, suspended accounts
/// with zeroed counters, and on every answer <c>X-RateLimit-*</c> headers from its own window, the reset as an
/// ISO-8601 timestamp with microseconds; a spent window answers 429 <c>Too many requests</c>.
/// </summary>
public sealed class FakeMastodon(TimeProvider? clock = null) : FakeHttpServer(clock)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, FakeMastodonInstance> _instances = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The value for <c>Platforms:Mastodon:BaseUrlTemplate</c>.</summary>
    public string BaseUrlTemplate => BaseAddress + "{instance}";

    /// <summary>The instance called <paramref name="name"/>, created on first use.</summary>
    public FakeMastodonInstance Instance(string name)
    {
        lock (_lock)
        {
            if (!_instances.TryGetValue(name, out var instance))
            {
                instance = new FakeMastodonInstance(name, Clock);
                _instances[name] = instance;
            }

            return instance;
        }
    }

    /// <summary>The request path for <paramref name="apiPath"/> (e.g. <c>/api/v1/accounts/lookup</c>) on an instance.</summary>
    public static string PathOn(string instance, string apiPath) => "/" + instance + apiPath;

    public IReadOnlyList<RecordedRequest> RequestsOn(string instance) =>
        [.. Requests.Where(r => r.Path.StartsWith("/" + instance + "/", StringComparison.OrdinalIgnoreCase))];

    protected override async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path.Value ?? "/";
        var slash = path.IndexOf('/', 1);
        FakeMastodonInstance? instance;
        lock (_lock)
        {
            instance = slash > 1 ? _instances.GetValueOrDefault(path[1..slash]) : null;
        }

        if (instance is null)
        {
            // What a reverse proxy says for a host it does not serve.
            await WriteJsonAsync(context, 502, """{"error":"no such instance"}""");
            return;
        }

        var take = instance.RateLimit.TakeOne();
        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = take.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = take.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = FakeMastodonJson.ResetInstant(take.ResetAt);
        if (!take.Allowed)
        {
            await WriteJsonAsync(context, 429, FakeMastodonJson.Error("Too many requests"));
            return;
        }

        var authorization = context.Request.Headers.Authorization.Count > 0 ? context.Request.Headers.Authorization.ToString() : null;
        var (status, json, link) = instance.Answer(path[slash..], context.Request.Query, authorization);
        if (link is not null)
        {
            headers["Link"] = link;
        }

        await WriteJsonAsync(context, status, json);
    }
}
