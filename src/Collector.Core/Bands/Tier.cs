namespace Collector.Core.Bands;

/// <summary>Where a snapshot sits relative to the band. Names are the wire form (lower snake case).</summary>
public enum Tier
{
    Unknown,
    Below,
    Band,
    Above,
    LowEngagement,
}
