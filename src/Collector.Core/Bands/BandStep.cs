namespace Collector.Core.Bands;

/// <summary>The state after some snapshots were evaluated, and the crossings they confirmed, oldest first.</summary>
public sealed record BandStep(BandState State, IReadOnlyList<BandCrossing> Crossings);
