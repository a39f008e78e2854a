using Collector.Core.Platforms;
using Collector.Platforms.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Collector.Platforms.Mastodon;

public static class MastodonServiceCollectionExtensions
{
    /// <summary>Registers the Mastodon client as an <see cref="IPlatformClient"/>, with options from <c>Platforms:Mastodon</c>.</summary>
    public static IServiceCollection AddMastodon(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MastodonOptions>()
            .Bind(configuration.GetSection(MastodonOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // No base address: every request is absolute, on the account's own instance.
        services.AddPlatformHttpClient<MastodonClient, MastodonOptions>(MastodonClient.HttpProfile, static _ => null);
        services.AddTransient<IPlatformClient>(static provider => provider.GetRequiredService<MastodonClient>());
        return services;
    }
}
