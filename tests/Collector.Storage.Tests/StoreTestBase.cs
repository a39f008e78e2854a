using Collector.Core.Platforms;
using Collector.Core.Storage;
using Collector.Storage.Collection;
using Collector.Storage.Status;
using Collector.TestKit.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Collector.Storage.Tests;

/// <summary>A migrated temp database with the real store and reader on it, and a fake clock for instants.</summary>
public abstract class StoreTestBase : IAsyncLifetime
{
    protected const string Platform = PlatformKeys.Bluesky;

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 3, 1, 6, 0, 0, TimeSpan.Zero));

    internal TempDatabase Database { get; private set; } = null!;

    internal SqliteCollectionStore Store { get; private set; } = null!;

    internal SqliteStatusReader Reader { get; private set; } = null!;

    /// <summary>The factory <see cref="Store"/> and <see cref="Reader"/> share (and with it the shared connection).</summary>
    internal SqliteConnectionFactory Connections { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TempDatabase.CreateMigratedAsync();
        Connections = new SqliteConnectionFactory(Database.Path);
        Store = new SqliteCollectionStore(Connections);
        Reader = new SqliteStatusReader(Connections);
    }

    public async Task DisposeAsync()
    {
        Connections.Dispose();
        await Database.DisposeAsync();
    }

    /// <summary>Moves the clock forward and returns the new now.</summary>
    protected DateTimeOffset AdvanceClock(TimeSpan by)
    {
        Clock.Advance(by);
        return Clock.GetUtcNow();
    }

    internal ObservationBuilder Observed(string watchKey) => new(watchKey, Clock.GetUtcNow());

    internal AccountFailure Failed(string watchKey, PlatformErrorKind kind, string message, DateTimeOffset? next = null) =>
        new(watchKey, Clock.GetUtcNow(), new PlatformError(kind, message), next);

    internal Task SaveAsync(params AccountObservation[] observations) =>
        Store.SaveBatchAsync(Platform, observations, [], CancellationToken.None);

    internal Task SaveFailuresAsync(params AccountFailure[] failures) =>
        Store.SaveBatchAsync(Platform, [], failures, CancellationToken.None);

    internal async Task<AccountStatusRecord> StatusOfAsync(string watchKey) =>
        Assert.Single(await Reader.GetStatusAsync(CancellationToken.None), r => r.WatchKey == watchKey);
}
