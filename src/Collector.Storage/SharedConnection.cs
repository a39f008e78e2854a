using Microsoft.Data.Sqlite;

namespace Collector.Storage;

/// <summary>
/// The process's one connection for a round's storage work: each batch's writes and the band analysis that reads and
/// writes around them. It is kept open, with what has been compiled for it (<see cref="Session.Part{T}"/>), and used by
/// one caller at a time. Opening a connection, running its pragmas and compiling statements cost more than a small
/// batch's own work (compiling the growth refresh alone takes about 0.2 ms), SQLite writes one transaction at a time
/// anyway, and a single connection keeps its page cache warm, where each connection of a pool must drop its cache
/// after another one commits (docs/benchmarks.md, item 16).
/// After any failure the connection is dropped and the next caller opens a fresh one: nothing of a failed transaction
/// survives in it, and a condition that changed meanwhile (space freed, file replaced) is seen anew.
/// </summary>
internal sealed class SharedConnection(SqliteConnectionFactory connections) : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private Session? _session;

    /// <summary>Runs <paramref name="work"/> on the kept connection, opening it first if needed, once it is this caller's turn.</summary>
    public async Task<T> RunAsync<T>(Func<Session, T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _turn.WaitAsync(cancellationToken);
        try
        {
            _session ??= new Session(await connections.OpenAsync(cancellationToken));
            return work(_session);
        }
        catch
        {
            _session?.Dispose();
            _session = null;
            throw;
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose()
    {
        _session?.Dispose();
        _session = null;
        _turn.Dispose();
    }

    /// <summary>The kept connection and the statements compiled for it.</summary>
    internal sealed class Session(SqliteConnection connection) : IDisposable
    {
        private readonly Dictionary<Type, IDisposable> _parts = [];

        public SqliteConnection Connection => connection;

        /// <summary>The connection's <typeparamref name="T"/>, created by <paramref name="create"/> on first use and kept with it.</summary>
        public T Part<T>(Func<SqliteConnection, T> create)
            where T : class, IDisposable
        {
            ArgumentNullException.ThrowIfNull(create);
            if (_parts.TryGetValue(typeof(T), out var part))
            {
                return (T)part;
            }

            var created = create(connection);
            _parts.Add(typeof(T), created);
            return created;
        }

        public void Dispose()
        {
            foreach (var part in _parts.Values)
            {
                part.Dispose();
            }

            _parts.Clear();
            connection.Dispose();
        }
    }
}
