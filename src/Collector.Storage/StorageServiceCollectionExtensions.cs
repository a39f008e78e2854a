using Collector.Core.Analytics;
using Collector.Core.Notifications;
using Collector.Core.Platforms;
using Collector.Core.Storage;
using Collector.Storage.Analytics;
using Collector.Storage.Bands;
using Collector.Storage.Backup;
using Collector.Storage.Collection;
using Collector.Storage.Health;
using Collector.Storage.Housekeeping;
using Collector.Storage.Migrations;
using Collector.Storage.Notifications;
using Collector.Storage.Platforms;
using Collector.Storage.Quota;
using Collector.Storage.Status;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collector.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SQLite storage at <paramref name="databasePath"/> (<c>Storage:Path</c> or <c>--db</c>, resolved
    /// by the caller): <see cref="ICollectionStore"/>, <see cref="IStatusReader"/>, <see cref="DatabaseMigrator"/>, the
    /// analysis ports (<see cref="IAnalysisStore"/>, <see cref="IAccountEventReader"/>, <see cref="ISnapshotExportReader"/>,
    /// <see cref="INotificationOutbox"/>), the quota ledger (<see cref="IQuotaLedger"/>), platform health (<see cref="IPlatformStateStore"/>) and the maintenance services
    /// (backup, housekeeping, the writable probe), all singletons. Call <see cref="DatabaseMigrator.MigrateAsync"/> once at
    /// startup before using the others. Needs logging registered (<c>ILogger&lt;T&gt;</c>), as any host provides.
    /// Housekeeping uses a registered <see cref="RetentionPolicy"/> and <see cref="TimeProvider"/> when there are any.
    /// </summary>
    public static IServiceCollection AddCollectorStorage(this IServiceCollection services, string databasePath)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);

        // Created by the container, so that it is disposed with it (and its shared connection closed).
        services.AddSingleton(_ => new SqliteConnectionFactory(databasePath));
        services.AddSingleton(static sp => new DatabaseMigrator(
            sp.GetRequiredService<SqliteConnectionFactory>(), sp.GetRequiredService<ILogger<DatabaseMigrator>>()));
        services.AddSingleton<ICollectionStore>(static sp =>
            new SqliteCollectionStore(sp.GetRequiredService<SqliteConnectionFactory>()));
        services.AddSingleton<IStatusReader>(static sp =>
            new SqliteStatusReader(sp.GetRequiredService<SqliteConnectionFactory>()));

        // Bands, events, export and the notification outbox (they use the container's TimeProvider when it has one).
        services.AddSingleton<IAnalysisStore>(static sp =>
            new SqliteAnalysisStore(sp.GetRequiredService<SqliteConnectionFactory>(), TimeOf(sp)));
        services.AddSingleton<IAccountEventReader>(static sp =>
            new SqliteAccountEventReader(sp.GetRequiredService<SqliteConnectionFactory>()));
        services.AddSingleton<ISnapshotExportReader>(static sp =>
            new SqliteSnapshotExportReader(sp.GetRequiredService<SqliteConnectionFactory>()));
        services.AddSingleton<INotificationOutbox>(static sp =>
            new SqliteNotificationOutbox(sp.GetRequiredService<SqliteConnectionFactory>(), TimeOf(sp)));
        services.AddSingleton<IQuotaLedger>(static sp =>
            new SqliteQuotaLedger(sp.GetRequiredService<SqliteConnectionFactory>()));

        services.AddSingleton(static sp => new DatabaseBackup(sp.GetRequiredService<SqliteConnectionFactory>()));
        services.AddSingleton(static sp => new DatabaseHealth(sp.GetRequiredService<SqliteConnectionFactory>()));
        services.AddSingleton(static sp => new DatabaseHousekeeping(
            sp.GetRequiredService<SqliteConnectionFactory>(),
            sp.GetService<RetentionPolicy>() ?? RetentionPolicy.KeepEverything,
            TimeOf(sp),
            sp.GetRequiredService<ILogger<DatabaseHousekeeping>>()));

        services.AddSingleton<IPlatformStateStore>(static sp =>
            new SqlitePlatformStateStore(sp.GetRequiredService<SqliteConnectionFactory>(), TimeOf(sp)));
        return services;
    }

    private static TimeProvider TimeOf(IServiceProvider services) => services.GetService<TimeProvider>() ?? TimeProvider.System;
}
