using Collector.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Collector.Storage.Housekeeping;

/// <summary>
/// The daily maintenance of the database: thin old snapshots (<see cref="RetentionPolicy"/>), fold the WAL back into
/// the database file and truncate it, and let SQLite refresh its planner statistics. Safe while the worker
/// collects: every step is short or yields the write lock between steps. Call <see cref="RunAsync"/> from a
/// scheduled job or <c>collector housekeeping</c>.
/// </summary>
internal sealed partial class DatabaseHousekeeping(
    SqliteConnectionFactory connections,
    RetentionPolicy retention,
    TimeProvider time,
    ILogger<DatabaseHousekeeping> logger)
{
    // A checkpoint that truncates waits for readers to move past the WAL, and while it waits it holds off writers:
    // waiting the full 5 s busy timeout could make a collection batch queued behind it time out too. A busy
    // checkpoint is harmless (retried by the next run), so it gives up sooner.
    // (The pooled connection gets the usual timeout back on its next open.)
    private const string ShortBusyTimeoutSql = "PRAGMA busy_timeout = 1000;";

    private const string CheckpointSql = "PRAGMA wal_checkpoint(TRUNCATE);";

    // After large deletions the planner's statistics may be stale; optimize re-analyzes only what needs it.
    private const string OptimizeSql = "PRAGMA optimize;";

    /// <summary>Rows examined per thinning transaction; small in tests to exercise the windowing.</summary>
    internal int ThinningWindowSize { get; init; } = SnapshotThinning.DefaultWindowSize;

    /// <exception cref="StorageException">The database cannot be written (disk full, read-only, locked, I/O error).</exception>
    public async Task<HousekeepingReport> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            var before = retention.ThinBefore(time.GetUtcNow());
            long deleted = 0;
            if (before is { } cutoff)
            {
                deleted = await new SnapshotThinning(connections, time, ThinningWindowSize).ThinAsync(cutoff, cancellationToken);
            }

            // Last, so what the thinning and optimize (its statistics) wrote to the WAL is folded in and truncated too.
            await OptimizeAsync(cancellationToken);
            var checkpoint = await CheckpointAsync(cancellationToken);

            var report = new HousekeepingReport(deleted, before, checkpoint);
            if (checkpoint.Busy)
            {
                LogCheckpointBusy(checkpoint.LogFrames, checkpoint.CheckpointedFrames);
            }

            LogFinished(deleted, before, checkpoint.LogFrames);
            return report;
        }
        catch (SqliteException ex) when (SqliteErrors.IsEnvironmental(ex))
        {
            throw SqliteErrors.ToStorageException(ex, connections.DatabasePath);
        }
    }

    private async Task<WalCheckpoint> CheckpointAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ShortBusyTimeoutSql;
        await command.ExecuteNonQueryAsync(cancellationToken);

        command.CommandText = CheckpointSql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new WalCheckpoint(reader.GetInt64(0) != 0, reader.GetInt64(1), reader.GetInt64(2));
    }

    private async Task OptimizeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = OptimizeSql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Database housekeeping: {Deleted} old snapshots thinned (before {ThinnedBefore}), WAL checkpointed ({Frames} frames)")]
    private partial void LogFinished(long deleted, DateTimeOffset? thinnedBefore, long frames);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "WAL checkpoint could not finish while readers or writers were active ({Checkpointed} of {Frames} frames); the next run retries")]
    private partial void LogCheckpointBusy(long frames, long checkpointed);
}
