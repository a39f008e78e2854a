using Collector.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Collection;

/// <summary>Records failed attempts, one statement prepared once per connection and re-bound per row.</summary>
internal sealed class FailureWriter : IDisposable
{
    /// <summary>Error messages are for operators; a platform that answers with a whole HTML page must not bloat every row.</summary>
    internal const int MaxErrorLength = 2000;

    // The account link is left alone: a failed attempt says nothing about which account the key resolves to.
    // $increment is 0 for a failure of the platform (AccountFailure.PlatformLevel): the entry keeps its count.
    private const string MarkFailureSql = """
        INSERT INTO watch_entries (
            platform, watch_key, first_seen_at, last_attempt_at,
            consecutive_failures, last_error_kind, last_error, next_attempt_at)
        VALUES ($platform, $watch_key, $at, $at, $increment, $kind, $message, $next_attempt_at)
        ON CONFLICT (platform, watch_key) DO UPDATE SET
            last_attempt_at = excluded.last_attempt_at,
            consecutive_failures = watch_entries.consecutive_failures + $increment,
            last_error_kind = excluded.last_error_kind,
            last_error = excluded.last_error,
            next_attempt_at = excluded.next_attempt_at;
        """;

    private readonly PreparedStatement _markFailure;

    public FailureWriter(SqliteConnection connection) => _markFailure = new PreparedStatement(connection, MarkFailureSql);

    public void Enlist(SqliteTransaction transaction) => _markFailure.Command.Transaction = transaction;

    public void Write(string platform, AccountFailure failure)
    {
        var message = failure.Error.Message;
        if (message.Length > MaxErrorLength)
        {
            message = message[..MaxErrorLength];
        }

        _markFailure.Set("$platform", platform)
            .Set("$watch_key", failure.WatchKey)
            .Set("$at", SqliteInstant.ToStored(failure.At))
            .Set("$increment", failure.PlatformLevel ? 0 : 1)
            .Set("$kind", failure.Error.Kind.ToString())
            .Set("$message", message)
            .Set("$next_attempt_at", SqliteInstant.ToParameter(failure.NextAttemptAt));
        _markFailure.Command.ExecuteNonQuery();
    }

    public void Dispose() => _markFailure.Dispose();
}
