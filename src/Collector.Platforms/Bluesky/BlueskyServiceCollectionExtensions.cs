using Collector.Core.Platforms;
using Collector.Platforms.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Collector.Platforms.Bluesky;

public static class BlueskyServiceCollectionExtensions
{
    /// <summary>Registers the Bluesky client as an <see cref="IPlatformClient"/>, with options from <c>Platforms:Bluesky</c>.</summary>
    public static IServiceCollection AddBluesky(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BlueskyOptions>()
            .Bind(configuration.GetSection(BlueskyOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddPlatformHttpClient<BlueskyClient, BlueskyOptions>(
            BlueskyClient.HttpProfile,
            static options => PlatformHttpOptions.ToBaseAddress(options.BaseUrl),
            static (http, provider) => new BlueskyClient(
                http, provider.GetRequiredService<IOptions<BlueskyOptions>>(), provider.GetRequiredService<TimeProvider>()));

        // Transient like the typed client itself, so each consumer gets a client on a current handler.
        services.AddTransient<IPlatformClient>(static provider => provider.GetRequiredService<BlueskyClient>());
        return services;
    }
}
