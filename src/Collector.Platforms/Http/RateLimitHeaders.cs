using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Collector.Platforms.Http;

/// <summary>Reads the four rate-limit header dialects and Retry-After. Header names are case-insensitive here.</summary>
internal static class RateLimitHeaders
{
    // Below this an "epoch" reset cannot be a real instant (it is 2001-09-09); servers following the IETF
    // RateLimit draft send delta-seconds under the same header name, so such a value is read as a delta.
    private const long SmallestPlausibleEpoch = 1_000_000_000;

    /// <summary>
    /// Epoch-second resets are floored (xrpc-server computes <c>floor((now + msBeforeNext) / 1000)</c>) and our clock
    /// may trail theirs, so waits derived from them get this margin. ISO-8601 resets carry sub-second precision.
    /// </summary>
    public static TimeSpan ResetMargin(RateLimitDialect dialect) =>
        dialect is RateLimitDialect.X or RateLimitDialect.Bluesky ? TimeSpan.FromSeconds(1) : TimeSpan.Zero;

    /// <summary>The window state a response reports, or null when it carries none of the dialect's headers.</summary>
    public static RateLimitInfo? Parse(HttpResponseHeaders headers, RateLimitDialect dialect, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return dialect switch
        {
            RateLimitDialect.X => ParseTriple(headers, "x-rate-limit-", EpochSeconds(now), policy: null),
            RateLimitDialect.Bluesky => ParseTriple(headers, "ratelimit-", EpochSeconds(now), First(headers, "ratelimit-policy")),
            RateLimitDialect.Mastodon => ParseTriple(headers, "x-ratelimit-", Iso8601, policy: null),
            _ => null,
        };
    }

    /// <summary>The instant a <c>Retry-After</c> header (delta seconds or HTTP date) asks us to come back, or null.</summary>
    public static DateTimeOffset? RetryAfter(HttpResponseHeaders headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var value = headers.RetryAfter;
        if (value?.Delta is { } delta)
        {
            return now + delta;
        }

        return value?.Date;
    }

    /// <summary>
    /// When the server wants the next request: Retry-After if given; otherwise the reset (plus margin) of a window
    /// that is exhausted or was answered with 429. Null when the response asks for nothing.
    /// </summary>
    public static DateTimeOffset? RequestedRetryAt(HttpResponseMessage response, RateLimitDialect dialect, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (RetryAfter(response.Headers, now) is { } retryAfter)
        {
            return retryAfter;
        }

        var info = Parse(response.Headers, dialect, now);
        if (info?.ResetAt is { } reset && (info.IsExhausted || response.StatusCode == HttpStatusCode.TooManyRequests))
        {
            return reset + ResetMargin(dialect);
        }

        return null;
    }

    private static RateLimitInfo? ParseTriple(
        HttpResponseHeaders headers, string prefix, Func<string, DateTimeOffset?> parseReset, string? policy)
    {
        var limitText = First(headers, prefix + "limit");
        var remainingText = First(headers, prefix + "remaining");
        var resetText = First(headers, prefix + "reset");
        if (limitText is null && remainingText is null && resetText is null && policy is null)
        {
            return null;
        }

        var (policyLimit, window) = ParsePolicy(policy);
        return new RateLimitInfo(
            Count(limitText) ?? policyLimit,
            Count(remainingText),
            resetText is null ? null : parseReset(resetText),
            window);
    }

    private static Func<string, DateTimeOffset?> EpochSeconds(DateTimeOffset now) => text =>
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < 0 || double.IsInfinity(seconds))
        {
            return null;
        }

        if (seconds < SmallestPlausibleEpoch)
        {
            return now + TimeSpan.FromSeconds(seconds);
        }

        // Beyond year 9999 the value is garbage, not a reset.
        return seconds > 253_402_300_799 ? null : DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000));
    };

    private static DateTimeOffset? Iso8601(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;

    /// <summary>Parses <c>limit;w=seconds</c>; with several policies the first one (the one in force) is used.</summary>
    private static (long? Limit, TimeSpan? Window) ParsePolicy(string? policy)
    {
        if (string.IsNullOrWhiteSpace(policy))
        {
            return (null, null);
        }

        var first = policy.Split(',')[0].Split(';', StringSplitOptions.TrimEntries);
        TimeSpan? window = null;
        foreach (var parameter in first.Skip(1))
        {
            if (parameter.StartsWith("w=", StringComparison.OrdinalIgnoreCase) && Count(parameter[2..]) is { } seconds)
            {
                window = TimeSpan.FromSeconds(seconds);
            }
        }

        return (Count(first[0]), window);
    }

    private static long? Count(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var whole))
        {
            return whole;
        }

        // Some servers send "12.0"; anything negative or non-numeric is ignored rather than trusted.
        return double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value <= long.MaxValue
            ? (long)Math.Floor(value)
            : null;
    }

    private static string? First(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;
}
