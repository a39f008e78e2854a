namespace Collector.Storage.Backup;

/// <summary>A finished, verified backup: where it is, its size, and how many snapshots it holds (null without a collector schema).</summary>
internal sealed record BackupResult(string Path, long Bytes, long? Snapshots);
