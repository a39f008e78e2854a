namespace Collector.Core.Bands;

/// <summary>
/// Where an account stands after the snapshots evaluated so far: its confirmed tier (null before the baseline) and a
/// candidate tier that has held for <see cref="PendingCount"/> consecutive measured snapshots but not yet long enough.
/// </summary>
public sealed record BandState(Tier? Confirmed, Tier? Pending, int PendingCount)
{
    public static BandState Initial { get; } = new(null, null, 0);
}
