using Collector.Platforms.Bluesky;
using Collector.Platforms.X;
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
        return services;
    }
}
