using Collector.Core.Platforms;
using Collector.Platforms.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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
        services.AddPlatformHttpClient<MastodonClient, MastodonOptions>(
            MastodonClient.HttpProfile,
            static _ => null,
            static (http, provider) => new MastodonClient(
                http, provider.GetRequiredService<IOptions<MastodonOptions>>(), provider.GetRequiredService<TimeProvider>()));
        services.AddTransient<IPlatformClient>(static provider => provider.GetRequiredService<MastodonClient>());
        return services;
    }
}
