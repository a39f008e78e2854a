namespace Collector.Core.Analytics;

/// <summary>
/// Called by the collection use case after each batch is committed. Never throws for a failed analysis: the
/// snapshots are safe, and the next batch of the same accounts resumes from the saved cursor.
/// </summary>
public interface IBatchAnalyzer
{
    Task AnalyzeAsync(string platform, IReadOnlyList<CommittedObservation> observations, CancellationToken cancellationToken);
}
