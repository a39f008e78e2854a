using System.Globalization;
using Collector.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Health;

/// <summary>A cheap probe for a health endpoint: can the database take a write right now?</summary>
internal sealed class DatabaseHealth(SqliteConnectionFactory connections)
{
    // Page 1 is rewritten with the value it already has, inside a transaction that is rolled back: a real write
    // attempt (a read-only file or mount fails here; BEGIN IMMEDIATE alone succeeds on a read-only file) that
    // leaves nothing behind. Re-read under the write lock, so a migration cannot change it in between.
    private const string ReadVersionSql = "PRAGMA user_version;";

    // With no free page left inside the file and the page limit reached, the next insert fails with SQLITE_FULL.
    private const string PageRoomSql = """
        SELECT p.page_count >= m.max_page_count AND f.freelist_count = 0
          FROM pragma_page_count AS p, pragma_max_page_count AS m, pragma_freelist_count AS f;
        """;

    /// <summary>
    /// Takes the write lock (waiting up to a second while a batch commits), attempts a write that is rolled
    /// back, and checks the page limit. Never throws for a storage condition; cancellation still throws.
    /// A rolled-back write does not need disk space, so a full disk shows here only through the page limit; the
    /// failing batch itself reports it (<see cref="StorageErrorKind.Full"/>).
    /// </summary>
    public async Task<WritableCheck> CheckWritableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            await ShortenLockWaitAsync(connection, cancellationToken);
            await using var transaction = connection.BeginTransaction();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;

            command.CommandText = ReadVersionSql;
            var version = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {version};");
            await command.ExecuteNonQueryAsync(cancellationToken);

            command.CommandText = PageRoomSql;
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) != 0)
            {
                return WritableCheck.NotWritable(
                    StorageErrorKind.Full,
                    $"database is full (disk or max_page_count): {connections.DatabasePath}: the page limit is reached");
            }

            await transaction.RollbackAsync(cancellationToken);
            return WritableCheck.Writable;
        }
        catch (SqliteException ex) when (SqliteErrors.IsEnvironmental(ex))
        {
            var error = SqliteErrors.ToStorageException(ex, connections.DatabasePath);
            return WritableCheck.NotWritable(error.Kind, error.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The factory creates the database's directory: on a read-only mount that fails before SQLite is reached.
            return WritableCheck.NotWritable(StorageErrorKind.ReadOnly, $"database is not writable: {connections.DatabasePath}: {ex.Message}");
        }
    }

    // A health endpoint must answer quickly: a lock held for more than a second is reported (Locked) rather than
    // waited out for the 5 s a writer would. The pooled connection gets the usual timeouts back on its next open.
    private static async Task ShortenLockWaitAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        connection.DefaultTimeout = 1;
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 1000;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
