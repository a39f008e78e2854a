using Collector.TestKit.Storage;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Tests;

/// <summary>The kept connection a round's batch writes and analysis take turns on.</summary>
public sealed class SharedConnectionTests : IAsyncLifetime
{
    private TempDatabase _database = null!;
    private SqliteConnectionFactory _connections = null!;

    public async Task InitializeAsync()
    {
        _database = await TempDatabase.CreateMigratedAsync();
        _connections = new SqliteConnectionFactory(_database.Path);
    }

    public async Task DisposeAsync()
    {
        _connections.Dispose();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Run_KeepsTheConnectionAndItsParts_AcrossCallers()
    {
        var created = 0;
        Probe Create(SqliteConnection connection)
        {
            created++;
            return new Probe(connection);
        }

        var (connection, part) = await Shared(session => (session.Connection, session.Part(Create)));
        var (again, partAgain) = await Shared(session => (session.Connection, session.Part(Create)));

        Assert.Same(connection, again);
        Assert.Same(part, partAgain);
        Assert.Equal(1, created);
        Assert.False(part.Disposed);
    }

    [Fact]
    public async Task Run_AfterAFailure_DropsTheConnectionAndItsParts_AndTheNextCallerGetsAFreshOne()
    {
        var (connection, part) = await Shared(static session => (session.Connection, session.Part(static c => new Probe(c))));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Shared<int>(static session =>
        {
            using var transaction = session.Connection.BeginTransaction();
            Execute(session.Connection, "INSERT INTO quota_usage (platform, quota_day, units, updated_at) VALUES ('youtube', '2025-03-01', 5, 0);");
            throw new InvalidOperationException("the batch failed half-way");
        }));

        var (fresh, freshPart) = await Shared(static session => (session.Connection, session.Part(static c => new Probe(c))));
        Assert.NotSame(connection, fresh);
        Assert.NotSame(part, freshPart);
        Assert.True(part.Disposed);
        Assert.Equal(0L, await _database.CountAsync("quota_usage"));
    }

    [Fact]
    public async Task Run_LetsOneCallerAtATime()
    {
        var inside = 0;
        var most = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Shared(session =>
        {
            most = Math.Max(most, Interlocked.Increment(ref inside));
            Thread.Sleep(5);
            Interlocked.Decrement(ref inside);
            return session.Connection.State;
        }))));

        Assert.Equal(1, most);
    }

    [Fact]
    public async Task Dispose_ClosesTheKeptConnection()
    {
        var connection = await Shared(static session => session.Connection);

        _connections.Dispose();

        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => Shared(static session => session.Connection));
    }

    private Task<T> Shared<T>(Func<SharedConnection.Session, T> work) => _connections.Shared.RunAsync(work, CancellationToken.None);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private sealed class Probe : IDisposable
    {
        public Probe(SqliteConnection connection) => Assert.Equal(System.Data.ConnectionState.Open, connection.State);

        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
