namespace Collector.Core.Analytics;

/// <summary>Read side of <c>export</c>: every snapshot, streamed (constant memory on large databases).</summary>
public interface ISnapshotExportReader
{
    /// <summary>Snapshots collected at or after <paramref name="since"/> (all when null), account by account, oldest first.</summary>
    IAsyncEnumerable<ExportRow> ReadAsync(DateTimeOffset? since, CancellationToken cancellationToken);
}
