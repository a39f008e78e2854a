namespace Collector.Core.Analytics;

/// <summary>Storage port of the analysis that runs after each committed batch.</summary>
public interface IAnalysisStore
{
    /// <summary>
    /// The accounts among <paramref name="platformIds"/> with their band state, their unevaluated snapshots and the
    /// snapshots collected at or after <paramref name="historySince"/>.
    /// </summary>
    Task<IReadOnlyList<AnalysisInput>> LoadAsync(
        string platform, IReadOnlyCollection<string> platformIds, DateTimeOffset historySince, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: each update's state and cursor (skipped when the cursor moved meanwhile), its events
    /// (an event whose key is stored already is not added again) and their outbox rows.
    /// </summary>
    Task SaveAsync(IReadOnlyList<AnalysisUpdate> updates, CancellationToken cancellationToken);
}
