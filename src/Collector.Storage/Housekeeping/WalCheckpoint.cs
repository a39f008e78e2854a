namespace Collector.Storage.Housekeeping;

/// <summary>
/// The answer of <c>PRAGMA wal_checkpoint(TRUNCATE)</c>. <paramref name="Busy"/> means a reader or writer kept it from
/// finishing within the wait; nothing is wrong, the WAL is checkpointed by the next run (and SQLite's own automatic
/// checkpoints keep it bounded meanwhile).
/// </summary>
internal sealed record WalCheckpoint(bool Busy, long LogFrames, long CheckpointedFrames);
