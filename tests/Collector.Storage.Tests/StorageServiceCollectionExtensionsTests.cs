using Collector.Core.Platforms;
using Collector.Core.Storage;
using Collector.Storage.Migrations;
using Collector.TestKit.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collector.Storage.Tests;

public sealed class StorageServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempDatabase _database = TempDatabase.CreateEmpty();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task AddCollectorStorage_RegistersSingletonsThatWorkOnTheGivenFile()
    {
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddCollectorStorage(_database.Path);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var migrator = provider.GetRequiredService<DatabaseMigrator>();
        var store = provider.GetRequiredService<ICollectionStore>();
        var reader = provider.GetRequiredService<IStatusReader>();
        await migrator.MigrateAsync(CancellationToken.None);
        await store.SaveBatchAsync(
            "bluesky",
            [new ObservationBuilder("alice", new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero)).Build()],
            [],
            CancellationToken.None);

        Assert.Same(store, provider.GetRequiredService<ICollectionStore>());
        Assert.Same(reader, provider.GetRequiredService<IStatusReader>());
        Assert.Same(migrator, provider.GetRequiredService<DatabaseMigrator>());
        var ledger = provider.GetRequiredService<IQuotaLedger>();
        Assert.Same(ledger, provider.GetRequiredService<IQuotaLedger>());
        Assert.True(await ledger.TrySpendAsync("youtube", new DateOnly(2025, 3, 1), 1, 10, DateTimeOffset.UnixEpoch, CancellationToken.None));
        Assert.Equal("alice", Assert.Single(await reader.GetStatusAsync(CancellationToken.None)).WatchKey);
        Assert.True(File.Exists(_database.Path));
    }

    [Fact]
    public async Task AddCollectorStorage_DisposingTheContainer_ClosesTheSharedConnection()
    {
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddCollectorStorage(_database.Path);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        var shared = provider.GetRequiredService<SqliteConnectionFactory>().Shared;
        var connection = await shared.RunAsync(static session => session.Connection, CancellationToken.None);

        await provider.DisposeAsync();

        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void AddCollectorStorage_WithoutAPath_FailsAtRegistration(string path)
    {
        Assert.ThrowsAny<ArgumentException>(() => new ServiceCollection().AddCollectorStorage(path));
    }
}
