using Collector.Core.Bands;

namespace Collector.Core.Analytics;

/// <summary>What analysis needs of one account: its saved band state and the snapshots around the new ones.</summary>
/// <param name="Cursor">Id of the last snapshot already evaluated (0: none); later ones are new.</param>
/// <param name="Snapshots">
/// Every snapshot newer than <see cref="Cursor"/> plus those within the spike look-back, oldest first
/// (collected_at, then id).
/// </param>
public sealed record AnalysisInput(
    long AccountId,
    string PlatformId,
    string Handle,
    BandState State,
    long Cursor,
    IReadOnlyList<StoredSnapshot> Snapshots)
{
    /// <summary>
    /// The account's growth points as of this read (<see cref="GrowthCalculator.Candidates"/> of its whole measured
    /// history), stored with the state it leads to; empty without a measured snapshot.
    /// </summary>
    public IReadOnlyList<GrowthPoint> GrowthPoints { get; init; } = [];
}
