using Collector.Core.Storage;

namespace Collector.Core.Analytics;

/// <summary>One snapshot with its account, as <c>export</c> writes it.</summary>
/// <param name="Handle">The account's current handle.</param>
public sealed record ExportRow(string Platform, string Handle, string PlatformId, SnapshotRecord Snapshot);
