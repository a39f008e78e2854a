using Collector.Core.Collection;
using Collector.Storage;
using Collector.Worker.Notifications;
using Collector.Storage.Housekeeping;
using Collector.Worker.Settings;
using Collector.Worker.Watchlists;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Collector.Worker.Hosting;

/// <summary>The whole service graph, registered explicitly (no assembly scanning).</summary>
internal static class ServiceRegistration
{
    public static IServiceCollection AddCollector(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);

        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WatchlistOptions>().BindConfiguration(WatchlistOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CollectionOptions>().BindConfiguration(CollectionOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        services.AddCollectorStorage(storage.Path);
        services.AddSingleton(static sp => new RetentionPolicy(sp.GetRequiredService<IOptions<StorageOptions>>().Value.RetainRawDays));
        services.AddPlatformClients(configuration);

        services.AddSingleton(static sp => sp.GetRequiredService<IOptions<CollectionOptions>>().Value);
        services.AddSingleton<PlatformHealthTracker>();
        services.AddSingleton<CollectionService>();
        services.AddSingleton<WatchlistSource>();
        services.AddAnalysisAndNotifications();
        return services;
    }
}
