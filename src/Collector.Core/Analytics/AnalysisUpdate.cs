using Collector.Core.Bands;
using Collector.Core.Notifications;

namespace Collector.Core.Analytics;

/// <summary>
/// What to write for one account after evaluating its new snapshots. Written only if the saved cursor is still
/// <see cref="ExpectedCursor"/>: when another process got there first, its (identical) result stands.
/// </summary>
public sealed record AnalysisUpdate(
    long AccountId,
    long ExpectedCursor,
    long Cursor,
    BandState State,
    IReadOnlyList<AccountEvent> Events,
    IReadOnlyList<OutboxEntry> Notifications)
{
    /// <summary>The account's growth points to keep with the state (<see cref="AnalysisInput.GrowthPoints"/>); none kept when empty.</summary>
    public IReadOnlyList<GrowthPoint> GrowthPoints { get; init; } = [];
}
