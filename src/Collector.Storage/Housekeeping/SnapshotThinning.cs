using Microsoft.Data.Sqlite;

namespace Collector.Storage.Housekeeping;

/// <summary>
/// Deletes every snapshot older than a cutoff that is not the last of its account's UTC day, in short transactions
/// over windows of snapshot ids, pausing between them, so the collection's batches get the write lock in between.
/// </summary>
internal sealed class SnapshotThinning(SqliteConnectionFactory connections, TimeProvider time, int windowSize)
{
    public const int DefaultWindowSize = 2000;

    private const long MillisecondsPerDay = 86_400_000;

    // The end of the next window: the id of the windowSize-th candidate after $after, or the last candidate when
    // fewer remain. A plain read outside any transaction: it takes no lock.
    private const string NextWindowEndSql = """
        SELECT coalesce(
            (SELECT id FROM snapshots WHERE id > $after AND collected_at < $cutoff ORDER BY id LIMIT 1 OFFSET $offset),
            (SELECT max(id) FROM snapshots WHERE id > $after AND collected_at < $cutoff));
        """;

    // A snapshot goes when a later one of the same account exists on the same UTC day (later by time, then by id for
    // equal instants: the order that decides an account's latest snapshot), so exactly the last of each day stays and
    // an account's latest snapshot is never deleted; the EXISTS is a range seek on ix_snapshots_account_collected. A
    // day's last snapshot may lie in a later window, so the check looks at the whole table, not the window.
    private const string DeleteWindowSql = """
        DELETE FROM snapshots
         WHERE id IN (
            SELECT s.id
              FROM snapshots AS s
             WHERE s.id > $after AND s.id <= $through
               AND s.collected_at < $cutoff
               AND EXISTS (
                    SELECT 1
                      FROM snapshots AS later
                     WHERE later.account_id = s.account_id
                       AND later.collected_at >= s.collected_at
                       AND later.collected_at < (s.collected_at / $day + 1) * $day
                       AND (later.collected_at > s.collected_at OR later.id > s.id)));
        """;

    /// <summary>Thins snapshots collected before <paramref name="before"/>; returns how many were deleted.</summary>
    public async Task<long> ThinAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowSize, 1);
        var cutoff = SqliteInstant.ToStored(before);
        await using var connection = await connections.OpenAsync(cancellationToken);

        long deleted = 0;
        long after = 0;
        while (await NextWindowEndAsync(connection, after, cutoff, cancellationToken) is { } through)
        {
            var started = time.GetTimestamp();
            deleted += await DeleteWindowAsync(connection, after, through, cutoff, cancellationToken);
            after = through;

            // As long a rest as the window held the lock: a batch waiting in its busy handler (which retries at
            // intervals of up to 100 ms) finds the lock free half the time instead of losing every race to the next
            // window and timing out.
            var held = time.GetElapsedTime(started);
            if (held > TimeSpan.Zero)
            {
                await Task.Delay(held, time, cancellationToken);
            }
        }

        return deleted;
    }

    private async Task<long?> NextWindowEndAsync(SqliteConnection connection, long after, long cutoff, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = NextWindowEndSql;
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$cutoff", cutoff);
        command.Parameters.AddWithValue("$offset", windowSize - 1);
        var end = await command.ExecuteScalarAsync(cancellationToken);
        return end is long id ? id : null;
    }

    private static async Task<long> DeleteWindowAsync(
        SqliteConnection connection, long after, long through, long cutoff, CancellationToken cancellationToken)
    {
        // BEGIN IMMEDIATE: an autocommit DELETE would start as a reader and fail with SQLITE_BUSY, without waiting,
        // when it upgrades to a writer after another connection committed.
        await using var transaction = connection.BeginTransaction();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = DeleteWindowSql;
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$through", through);
        command.Parameters.AddWithValue("$cutoff", cutoff);
        command.Parameters.AddWithValue("$day", MillisecondsPerDay);
        var rows = await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }
}
