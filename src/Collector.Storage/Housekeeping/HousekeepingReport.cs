namespace Collector.Storage.Housekeeping;

/// <summary>What one housekeeping run did.</summary>
/// <param name="ThinnedBefore">The retention cutoff (a UTC midnight), or null when retention is off.</param>
internal sealed record HousekeepingReport(long SnapshotsDeleted, DateTimeOffset? ThinnedBefore, WalCheckpoint Checkpoint);
