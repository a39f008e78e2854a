using Collector.Core.Collection;
using Collector.Storage.Migrations;
using Collector.Worker.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Collector.Worker.Tests.MastodonYouTube;

/// <summary>The worker's own service graph (<c>AddCollector</c>) on a temp database, with a fake clock in place of the system's.</summary>
internal sealed class WorkerContainer : IAsyncDisposable
{
    private WorkerContainer(ServiceProvider services) => Services = services;

    public ServiceProvider Services { get; }

    public CollectionService Collection => Services.GetRequiredService<CollectionService>();

    public static async Task<WorkerContainer> StartAsync(IReadOnlyDictionary<string, string?> settings, string databasePath, TimeProvider clock)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings)
            .AddInMemoryCollection([new("Storage:Path", databasePath)])
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddCollector(configuration);
        services.AddSingleton<TimeProvider>(clock);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return new WorkerContainer(provider);
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
