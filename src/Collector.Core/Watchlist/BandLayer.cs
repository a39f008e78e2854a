namespace Collector.Core.Watchlist;

/// <summary>The band fields written at one level (global, platform or account); null = not written there.</summary>
internal sealed record BandLayer(
    Setting<long>? MinFollowers,
    Setting<long>? MaxFollowers,
    Setting<double>? MinEngagementRate,
    Setting<int>? ConfirmSnapshots)
{
    public static BandLayer Empty { get; } = new(null, null, null, null);
}
