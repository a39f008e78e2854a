using Collector.Core.Bands;

namespace Collector.Worker.Output;

/// <summary><c>history --json</c>: the account, its band, its growth and its snapshots (oldest first).</summary>
internal sealed record HistoryView(
    string Platform,
    string Handle,
    string PlatformId,
    BandSettings Band,
    GrowthView Growth,
    IReadOnlyList<HistorySnapshot> Snapshots);
