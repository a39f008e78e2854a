using Collector.Core.Storage;

namespace Collector.Core.Collection;

/// <summary>The per-entry results of one batch and the observations to write for it.</summary>
internal sealed record BatchResult(IReadOnlyList<AccountResult> Results, IReadOnlyList<AccountObservation> Observations);
