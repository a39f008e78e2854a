using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Collector.Storage;

/// <summary>Opens connections to the collector database with the settings every connection must have.</summary>
internal sealed class SqliteConnectionFactory : IDisposable
{
    // journal_mode=WAL lets readers (status, export) run while the worker writes; it is persistent in the file,
    // but asking again is cheap and repairs a file created elsewhere. synchronous=NORMAL is durable across a
    // process kill in WAL mode (only an OS crash can lose the last commits). busy_timeout and foreign_keys are
    // per connection (and off in stock SQLite builds), so they are set on every open: a pooled connection keeps
    // whatever its previous user changed. The 5 s busy timeout is how long a writer waits for another process's
    // write lock (the CLI next to the worker) before failing; Microsoft.Data.Sqlite retries a busy statement on its
    // own until the command timeout (30 s unless told), so DefaultTimeout below says 5 s too.
    private const string ConnectionPragmas = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        PRAGMA busy_timeout = 5000;
        PRAGMA foreign_keys = ON;
        """;

    private const int BusyTimeoutSeconds = 5;

    private readonly ConnectionConstraints _constraints;

    public SqliteConnectionFactory(string databasePath)
        : this(databasePath, ConnectionConstraints.None)
    {
    }

    internal SqliteConnectionFactory(string databasePath, ConnectionConstraints constraints)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        ArgumentNullException.ThrowIfNull(constraints);
        _constraints = constraints;
        DatabasePath = Path.GetFullPath(databasePath);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = constraints.ReadOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            DefaultTimeout = BusyTimeoutSeconds,

            // The pool is keyed by connection string, and a page limit is a per-connection setting: a constrained
            // connection returned to the shared pool would carry its limit to a factory that has none.
            Pooling = constraints.IsNone,
        }.ToString();
        Shared = new SharedConnection(this);
    }

    /// <summary>Closes the shared connection (the pooled ones close as they are disposed).</summary>
    public void Dispose() => Shared.Dispose();

    /// <summary>Absolute path of the database file.</summary>
    public string DatabasePath { get; }

    public string ConnectionString { get; }

    /// <summary>
    /// The connection a round's batch writes and band analysis take turns on (one per factory, so one per database in
    /// a host, where the factory is a singleton); disposing the factory closes it.
    /// </summary>
    internal SharedConnection Shared { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        // SQLite creates the file but not its directory (data/ on a fresh checkout, a new StateDirectory).
        if (!_constraints.ReadOnly)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        }

        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = _constraints.MaxPageCount is { } maxPageCount
                ? ConnectionPragmas + MaxPageCountSql(maxPageCount())
                : ConnectionPragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // PRAGMA takes no parameters; the value is a number from the caller's own code, formatted invariantly.
    private static string MaxPageCountSql(long pages) =>
        string.Create(CultureInfo.InvariantCulture, $"PRAGMA max_page_count = {pages};");
}
