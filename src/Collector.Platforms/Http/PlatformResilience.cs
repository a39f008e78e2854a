using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Collector.Platforms.Http;

/// <summary>
/// The resilience pipeline of a platform client, built once per client and host by the resilience handler:
/// total timeout → retry → circuit breaker → attempt timeout. Retries honour a server-requested wait only up to
/// <see cref="PlatformHttpOptions.MaxServerWait"/>; beyond it the response is handed back unretried, so the client
/// reports RateLimited with RetryAt and the round is deferred instead of sleeping for an hour.
/// </summary>
internal static class PlatformResilience
{
    public static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> builder,
        PlatformHttpProfile profile,
        PlatformHttpOptions options,
        TimeProvider time,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddTimeout(new TimeoutStrategyOptions { Name = "total", Timeout = options.TotalTimeout });

        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "retry",
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxServerWait > options.RetryBaseDelay ? options.MaxServerWait : options.RetryBaseDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, profile, options, time, logger)),
                DelayGenerator = args => ValueTask.FromResult(ServerRequestedDelay(args.Outcome, profile, time)),
                OnRetry = args =>
                {
                    if (logger.IsEnabled(LogLevel.Information))
                    {
                        logger.Retrying(profile.Name, PathOf(args.Context), args.AttemptNumber + 1, args.RetryDelay, Describe(args.Outcome));
                    }

                    return default;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            Name = "breaker",
            FailureRatio = 0.9,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = options.BreakerSamplingDuration,
            BreakDuration = options.BreakDuration,

            // Rate limiting is the gate's business; only signs of an unhealthy platform count here.
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, includeRateLimit: false)),
            OnOpened = args =>
            {
                logger.CircuitOpened(profile.Name, args.BreakDuration);
                return default;
            },
        });

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "attempt", Timeout = options.AttemptTimeout });
    }

    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome, bool includeRateLimit) =>
        outcome switch
        {
            { Exception: HttpRequestException or TimeoutRejectedException } => true,
            { Result: { } response } => response.StatusCode is HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError
                || (includeRateLimit && response.StatusCode == HttpStatusCode.TooManyRequests),
            _ => false,
        };

    private static bool ShouldRetry(
        Outcome<HttpResponseMessage> outcome, ResilienceContext context, PlatformHttpProfile profile, PlatformHttpOptions options, TimeProvider time, ILogger logger)
    {
        if (!IsTransient(outcome, includeRateLimit: true))
        {
            return false;
        }

        var now = time.GetUtcNow();
        if (outcome.Result is { } response
            && RateLimitHeaders.RequestedRetryAt(response, profile.Dialect, now) is { } retryAt
            && retryAt - now > options.MaxServerWait)
        {
            logger.RetryRefused(profile.Name, PathOf(context), retryAt, options.MaxServerWait);
            return false;
        }

        return true;
    }

    /// <summary>The server's own wait (already known to be within the cap), or null for jittered back-off.</summary>
    private static TimeSpan? ServerRequestedDelay(Outcome<HttpResponseMessage> outcome, PlatformHttpProfile profile, TimeProvider time)
    {
        if (outcome.Result is not { } response)
        {
            return null;
        }

        var now = time.GetUtcNow();
        return RateLimitHeaders.RequestedRetryAt(response, profile.Dialect, now) is { } retryAt
            ? (retryAt > now ? retryAt - now : TimeSpan.Zero)
            : null;
    }

    private static string? PathOf(ResilienceContext context) =>
        context.GetRequestMessage() is { } request ? SafeText.PathOf(request.RequestUri) : null;

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response ? $"HTTP {(int)response.StatusCode}" : outcome.Exception?.GetType().Name ?? "failure";
}
