using Collector.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Collection;

/// <summary>Records failed attempts inside the batch transaction, one prepared statement re-bound per row.</summary>
internal sealed class FailureWriter : IAsyncDisposable
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

    private readonly SqliteCommand _markFailure;

    public FailureWriter(SqliteConnection connection, SqliteTransaction transaction) =>
        _markFailure = PreparedCommand.Create(connection, transaction, MarkFailureSql);

    public async Task WriteAsync(string platform, AccountFailure failure, CancellationToken cancellationToken)
    {
        var message = failure.Error.Message;
        if (message.Length > MaxErrorLength)
        {
            message = message[..MaxErrorLength];
        }

        _markFailure.Bind("$platform", platform)
            .Bind("$watch_key", failure.WatchKey)
            .Bind("$at", SqliteInstant.ToStored(failure.At))
            .Bind("$increment", failure.PlatformLevel ? 0 : 1)
            .Bind("$kind", failure.Error.Kind.ToString())
            .Bind("$message", message)
            .Bind("$next_attempt_at", SqliteInstant.ToParameter(failure.NextAttemptAt));
        await _markFailure.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _markFailure.DisposeAsync();
}
