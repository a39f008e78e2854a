namespace Collector.Platforms.Http;

/// <summary>What the shared HTTP layer needs to know about one platform's API.</summary>
/// <param name="Name">The platform key; also the HttpClient name and the first part of gate keys.</param>
/// <param name="Dialect">How the platform spells its rate-limit headers.</param>
/// <param name="ErrorBodies">Reads the platform's error body into a code, message and (optionally) a kind.</param>
/// <param name="GateKeySelector">
/// The rate-limit gate key of a request. Default <c>name:host[:port]</c>, which is per platform for single-host APIs
/// and per instance for Mastodon. A platform whose limits are per endpoint (X) can add the endpoint.
/// </param>
internal sealed record PlatformHttpProfile(
    string Name,
    RateLimitDialect Dialect,
    IPlatformErrorBodyReader ErrorBodies,
    Func<HttpRequestMessage, string>? GateKeySelector = null)
{
    public string GateKey(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return GateKeySelector?.Invoke(request) ?? $"{Name}:{request.RequestUri?.Authority}";
    }
}
