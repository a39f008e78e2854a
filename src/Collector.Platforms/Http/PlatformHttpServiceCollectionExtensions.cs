using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collector.Platforms.Http;

/// <summary>Registers a platform's typed HttpClient with the shared handler chain.</summary>
internal static class PlatformHttpServiceCollectionExtensions
{
    private const string LogCategory = "Collector.Platforms.Http";

    /// <summary>
    /// Registers <typeparamref name="TClient"/> as a typed client named <see cref="PlatformHttpProfile.Name"/>:
    /// User-Agent, base address from <typeparamref name="TOptions"/> (null for clients that send absolute URIs,
    /// like Mastodon's per-instance hosts), then, outermost first: rate-limit gate, resilience pipeline (one per
    /// host), rate-limit recorder. The options must be registered (and validated) by the caller.
    /// </summary>
    /// <param name="create">
    /// Builds the client (transient, on a current handler). Explicit rather than the typed-client factory's
    /// <c>ActivatorUtilities.CreateFactory</c>, which compiles an expression tree per client type: that loaded
    /// System.Linq.Expressions and its compiler into the worker for four constructor calls (docs/benchmarks.md, memory).
    /// </param>
    public static IHttpClientBuilder AddPlatformHttpClient<TClient, TOptions>(
        this IServiceCollection services,
        PlatformHttpProfile profile,
        Func<TOptions, Uri?> baseAddress,
        Func<HttpClient, IServiceProvider, TClient> create)
        where TClient : class
        where TOptions : PlatformHttpOptions
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentNullException.ThrowIfNull(create);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RateLimitGate>();

        var client = services.AddHttpClient(profile.Name, (provider, http) =>
        {
            var options = provider.GetRequiredService<IOptions<TOptions>>().Value;
            http.BaseAddress = baseAddress(options);

            // The resilience pipeline owns every timeout; HttpClient's own 100 s would cut retries short.
            http.Timeout = Timeout.InfiniteTimeSpan;
            ProductUserAgent.Apply(http.DefaultRequestHeaders, options.Contact);
        });
        client.AddTypedClient(create);

        client.ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,

            // Long-lived clients (captured by singletons) still see DNS changes.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),

            // A round keeps its connections busy and the next round is hours away: a connection idle for 20 s is
            // closed, so the worker's second memory release (a minute after the round) finds them gone.
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(20),
            MaxAutomaticRedirections = 3,
        });

        client.AddHttpMessageHandler(provider => new RateLimitGateHandler(
            provider.GetRequiredService<RateLimitGate>(),
            profile,
            provider.GetRequiredService<IOptions<TOptions>>().Value.MaxServerWait,
            provider.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory)));

        client.AddResilienceHandler("resilience", (pipeline, context) =>
            {
                var provider = context.ServiceProvider;
                PlatformResilience.Configure(
                    pipeline,
                    profile,
                    provider.GetRequiredService<IOptions<TOptions>>().Value,
                    provider.GetRequiredService<TimeProvider>(),
                    provider.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory));
            })

            // One breaker per host: a dead Mastodon instance must not fail requests to the healthy ones.
            .SelectPipelineByAuthority();

        client.AddHttpMessageHandler(provider => new RateLimitRecorderHandler(
            provider.GetRequiredService<RateLimitGate>(), profile, provider.GetRequiredService<TimeProvider>()));

        return client;
    }
}
