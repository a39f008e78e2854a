namespace Collector.Platforms.Http;

/// <summary>How a platform spells its rate-limit headers (platform-apis.md, "Rate limits" of each section).</summary>
internal enum RateLimitDialect
{
    /// <summary>No rate-limit headers (YouTube counts a daily quota instead); only Retry-After is read.</summary>
    None,

    /// <summary>X v2: <c>x-rate-limit-limit/remaining/reset</c>, reset in Unix epoch seconds.</summary>
    X,

    /// <summary>Bluesky xrpc-server: <c>RateLimit-Limit/Remaining/Reset</c> (epoch seconds) and <c>RateLimit-Policy: N;w=S</c>.</summary>
    Bluesky,

    /// <summary>Mastodon: <c>X-RateLimit-Limit/Remaining/Reset</c>, reset as ISO-8601 with microseconds.</summary>
    Mastodon,
}
