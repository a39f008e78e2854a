using System.Net;
using Collector.Platforms.Http;

namespace Collector.Platforms.Tests.Http;

public sealed class RateLimitHeadersTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 2, 12, 30, 0, TimeSpan.Zero);

    [Fact]
    public void X_EpochSecondReset()
    {
        using var response = Response(("x-rate-limit-limit", "1500"), ("x-rate-limit-remaining", "1498"), ("x-rate-limit-reset", "1665183228"));

        var info = RateLimitHeaders.Parse(response.Headers, RateLimitDialect.X, Now);

        Assert.Equal(new RateLimitInfo(1500, 1498, DateTimeOffset.FromUnixTimeSeconds(1665183228)), info);
        Assert.Equal(new DateTimeOffset(2022, 10, 7, 22, 53, 48, TimeSpan.Zero), info!.ResetAt);
    }

    [Fact]
    public void Bluesky_LowerCasedHeaders_WithPolicy()
    {
        using var response = Response(("ratelimit-limit", "3000"), ("ratelimit-remaining", "2999"), ("ratelimit-reset", "1740918900"), ("ratelimit-policy", "3000;w=300"));

        var info = RateLimitHeaders.Parse(response.Headers, RateLimitDialect.Bluesky, Now);

        Assert.Equal(new RateLimitInfo(3000, 2999, DateTimeOffset.FromUnixTimeSeconds(1740918900), TimeSpan.FromSeconds(300)), info);
    }

    [Fact]
    public void Bluesky_CanonicalCase_AndLimitFromPolicyAlone()
    {
        using var response = Response(("RateLimit-Remaining", "0"), ("RateLimit-Reset", "1740918900"), ("RateLimit-Policy", "100;w=60, 3000;w=300"));

        var info = RateLimitHeaders.Parse(response.Headers, RateLimitDialect.Bluesky, Now);

        Assert.Equal(new RateLimitInfo(100, 0, DateTimeOffset.FromUnixTimeSeconds(1740918900), TimeSpan.FromSeconds(60)), info);
        Assert.True(info!.IsExhausted);
    }

    [Fact]
    public void Bluesky_SmallResetIsADelta_AsInTheIetfDraft()
    {
        using var response = Response(("ratelimit-remaining", "0"), ("ratelimit-reset", "30"));

        var info = RateLimitHeaders.Parse(response.Headers, RateLimitDialect.Bluesky, Now);

        Assert.Equal(Now.AddSeconds(30), info?.ResetAt);
    }

    [Fact]
    public void Mastodon_Iso8601ResetWithMicroseconds()
    {
        using var response = Response(("X-RateLimit-Limit", "300"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "2025-03-02T12:35:00.123456Z"));

        var info = RateLimitHeaders.Parse(response.Headers, RateLimitDialect.Mastodon, Now);

        Assert.Equal(new RateLimitInfo(300, 0, new DateTimeOffset(2025, 3, 2, 12, 35, 0, TimeSpan.Zero).AddTicks(1_234_560)), info);
    }

    [Fact]
    public void Mastodon_ResetWithAnOffset_IsNormalisedToUtc()
    {
        using var response = Response(("x-ratelimit-reset", "2025-03-02T13:35:00.000000+01:00"));

        var info = RateLimitHeaders.Parse(response.Headers, RateLimitDialect.Mastodon, Now);

        Assert.Equal(new DateTimeOffset(2025, 3, 2, 12, 35, 0, TimeSpan.Zero), info?.ResetAt);
        Assert.Equal(TimeSpan.Zero, info!.ResetAt!.Value.Offset);
    }

    [Fact]
    public void OneDialectDoesNotReadAnothersHeaders()
    {
        using var response = Response(("x-rate-limit-remaining", "0"), ("x-rate-limit-reset", "1665183228"));

        Assert.Null(RateLimitHeaders.Parse(response.Headers, RateLimitDialect.Bluesky, Now));
        Assert.Null(RateLimitHeaders.Parse(response.Headers, RateLimitDialect.Mastodon, Now));
        Assert.Null(RateLimitHeaders.Parse(response.Headers, RateLimitDialect.None, Now));
    }

    [Fact]
    public void GarbageValues_AreIgnored_NotTrusted()
    {
        using var response = Response(("ratelimit-limit", "lots"), ("ratelimit-remaining", "-1"), ("ratelimit-reset", "soon"));

        var info = RateLimitHeaders.Parse(response.Headers, RateLimitDialect.Bluesky, Now);

        Assert.Equal(new RateLimitInfo(null, null, null), info);
    }

    [Fact]
    public void RetryAfter_DeltaSeconds()
    {
        using var response = Response(("Retry-After", "120"));

        Assert.Equal(Now.AddSeconds(120), RateLimitHeaders.RetryAfter(response.Headers, Now));
    }

    [Fact]
    public void RetryAfter_HttpDate()
    {
        using var response = Response(("Retry-After", "Sun, 02 Mar 2025 12:40:00 GMT"));

        Assert.Equal(new DateTimeOffset(2025, 3, 2, 12, 40, 0, TimeSpan.Zero), RateLimitHeaders.RetryAfter(response.Headers, Now));
    }

    [Fact]
    public void RetryAfter_AbsentOrGarbage_IsNull()
    {
        using var garbage = Response(("Retry-After", "whenever"));
        using var none = Response();

        Assert.Null(RateLimitHeaders.RetryAfter(garbage.Headers, Now));
        Assert.Null(RateLimitHeaders.RetryAfter(none.Headers, Now));
    }

    [Fact]
    public void RequestedRetryAt_PrefersRetryAfter_OverTheReset()
    {
        using var response = Response(HttpStatusCode.TooManyRequests, ("Retry-After", "10"), ("x-rate-limit-remaining", "0"), ("x-rate-limit-reset", "1740919200"));

        Assert.Equal(Now.AddSeconds(10), RateLimitHeaders.RequestedRetryAt(response, RateLimitDialect.X, Now));
    }

    [Fact]
    public void RequestedRetryAt_OnAnExhaustedWindow_IsTheResetPlusTheFlooringMargin()
    {
        using var response = Response(HttpStatusCode.OK, ("ratelimit-remaining", "0"), ("ratelimit-reset", "1740918900"));

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1740918901), RateLimitHeaders.RequestedRetryAt(response, RateLimitDialect.Bluesky, Now));
    }

    [Fact]
    public void RequestedRetryAt_IsNull_WhileRequestsRemain()
    {
        using var response = Response(HttpStatusCode.OK, ("ratelimit-remaining", "5"), ("ratelimit-reset", "1740918900"));

        Assert.Null(RateLimitHeaders.RequestedRetryAt(response, RateLimitDialect.Bluesky, Now));
    }

    [Fact]
    public void RequestedRetryAt_On429_UsesTheResetEvenWithoutRemaining()
    {
        using var response = Response(HttpStatusCode.TooManyRequests, ("X-RateLimit-Reset", "2025-03-02T12:35:00.000000Z"));

        Assert.Equal(new DateTimeOffset(2025, 3, 2, 12, 35, 0, TimeSpan.Zero), RateLimitHeaders.RequestedRetryAt(response, RateLimitDialect.Mastodon, Now));
    }

    private static HttpResponseMessage Response(params (string Name, string Value)[] headers) => Response(HttpStatusCode.OK, headers);

    private static HttpResponseMessage Response(HttpStatusCode status, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status);
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }
}
