using Collector.Core.Bands;
using Collector.Core.Storage;

namespace Collector.Core.Analytics;

/// <summary>An observation that is committed as a snapshot, with the band its watchlist entry resolves to.</summary>
public sealed record CommittedObservation(AccountObservation Observation, BandSettings Band);
