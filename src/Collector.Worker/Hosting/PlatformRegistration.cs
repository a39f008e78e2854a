using Collector.Platforms.Bluesky;
using Collector.Platforms.X;
using Collector.Platforms.Mastodon;
using Collector.Platforms.YouTube;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Collector.Worker.Hosting;

/// <summary>Every platform client the product ships, registered explicitly.</summary>
internal static class PlatformRegistration
{
    public static IServiceCollection AddPlatformClients(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBluesky(configuration);
        services.AddX(configuration);
        services.AddMastodon(configuration);

        // Counts its daily quota in the database: needs AddCollectorStorage's IQuotaLedger.
        services.AddYouTube(configuration);
        return services;
    }
}
