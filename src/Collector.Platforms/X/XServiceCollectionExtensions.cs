using Collector.Core.Platforms;
using Collector.Platforms.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Collector.Platforms.X;

public static class XServiceCollectionExtensions
{
    /// <summary>
    /// Registers the X client as an <see cref="IPlatformClient"/>, with options from <c>Platforms:X</c>. Without
    /// <c>Platforms:X:BearerToken</c> the client is registered but not configured, and its accounts are skipped.
    /// </summary>
    public static IServiceCollection AddX(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<XOptions>()
            .Bind(configuration.GetSection(XOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddPlatformHttpClient<XClient, XOptions>(
            XClient.HttpProfile,
            static options => PlatformHttpOptions.ToBaseAddress(options.BaseUrl),
            static (http, provider) => new XClient(
                http,
                provider.GetRequiredService<IOptions<XOptions>>(),
                provider.GetRequiredService<XCredentialGate>(),
                provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<XCredentialGate>();

        // Transient like the typed client itself, so each consumer gets a client on a current handler.
        services.AddTransient<IPlatformClient>(static provider => provider.GetRequiredService<XClient>());
        return services;
    }
}
