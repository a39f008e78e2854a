using Collector.Core.Platforms;
using Collector.Platforms.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collector.Platforms.YouTube;

public static class YouTubeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the YouTube client as an <see cref="IPlatformClient"/>, with options from <c>Platforms:YouTube</c>.
    /// The daily quota is counted in an <see cref="IQuotaLedger"/>, which the caller registers (AddCollectorStorage).
    /// </summary>
    public static IServiceCollection AddYouTube(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<YouTubeOptions>()
            .Bind(configuration.GetSection(YouTubeOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<YouTubeQuotaStatus>();
        services.AddSingleton(static provider => new YouTubeQuota(
            provider.GetRequiredService<IQuotaLedger>(),
            provider.GetRequiredService<IOptions<YouTubeOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<YouTubeQuota>>()));

        services.AddPlatformHttpClient<YouTubeClient, YouTubeOptions>(
                YouTubeClient.HttpProfile,
                static options => PlatformHttpOptions.ToBaseAddress(options.BaseUrl),
                static (http, provider) => new YouTubeClient(
                    http,
                    provider.GetRequiredService<IOptions<YouTubeOptions>>(),
                    provider.GetRequiredService<YouTubeQuota>(),
                    provider.GetRequiredService<TimeProvider>()))
            .AddHttpMessageHandler(static provider => new YouTubeQuotaHandler(provider.GetRequiredService<YouTubeQuota>()));
        services.AddTransient<IPlatformClient>(static provider => provider.GetRequiredService<YouTubeClient>());
        return services;
    }
}
