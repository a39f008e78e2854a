namespace Collector.Core.Collection;

/// <summary>Progress of a round: entries finished (any outcome) out of the total.</summary>
public readonly record struct CollectionProgress(string Platform, int Done, int Total);
