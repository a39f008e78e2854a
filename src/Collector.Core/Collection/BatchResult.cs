using Collector.Core.Storage;

namespace Collector.Core.Collection;

/// <summary>The per-entry results of one batch and the observations to write for it.</summary>
/// <param name="RequestFailed">
/// Watch keys whose whole profile request failed or was not sent inside a grouped batch: a failure of the platform
/// for them, as a failed batch is, not of the entry.
/// </param>
internal sealed record BatchResult(
    IReadOnlyList<AccountResult> Results, IReadOnlyList<AccountObservation> Observations, IReadOnlySet<string>? RequestFailed = null);
