using Collector.Core.Storage;
using Collector.Storage.Collection;
using Collector.Storage.Health;
using Collector.Storage.Migrations;
using Collector.Storage.Status;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collector.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SQLite storage at <paramref name="databasePath"/> (<c>Storage:Path</c> or <c>--db</c>, resolved
    /// by the caller): <see cref="ICollectionStore"/>, <see cref="IStatusReader"/>, <see cref="DatabaseMigrator"/> and <see cref="DatabaseProbe"/>,
    /// all singletons. Call <see cref="DatabaseMigrator.MigrateAsync"/> once at startup before using the others.
    /// Needs logging registered (<c>ILogger&lt;T&gt;</c>), as any host provides.
    /// </summary>
    public static IServiceCollection AddCollectorStorage(this IServiceCollection services, string databasePath)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);

        services.AddSingleton(new SqliteConnectionFactory(databasePath));
        services.AddSingleton(static sp => new DatabaseMigrator(
            sp.GetRequiredService<SqliteConnectionFactory>(), sp.GetRequiredService<ILogger<DatabaseMigrator>>()));
        services.AddSingleton<ICollectionStore>(static sp =>
            new SqliteCollectionStore(sp.GetRequiredService<SqliteConnectionFactory>()));
        services.AddSingleton<IStatusReader>(static sp =>
            new SqliteStatusReader(sp.GetRequiredService<SqliteConnectionFactory>()));
        services.AddSingleton(static sp => new DatabaseProbe(sp.GetRequiredService<SqliteConnectionFactory>()));
        return services;
    }
}
