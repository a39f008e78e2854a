using Collector.Core.Notifications;
using Collector.Core.Storage;

namespace Collector.Core.Bands;

/// <summary>
/// Band crossings as a pure function of an account's snapshots and its band (SPEC "Engagement rate and the band").
/// The first measured snapshot sets the baseline without an event; a different tier becomes the confirmed one only
/// after <see cref="BandSettings.ConfirmSnapshots"/> consecutive measured snapshots in it, so a count jittering
/// around a threshold does not flap. Only moves into <c>band</c> (entered) or out of it (left) are crossings; other
/// moves (below to above, above to low_engagement) change the confirmed tier silently.
/// </summary>
/// <remarks>
/// <c>unknown</c> snapshots (hidden or missing followers) are skipped: they are not measurements, so they neither set
/// the baseline, nor start, extend or break a streak. An account hiding its count for a while therefore keeps its
/// confirmed tier, and a streak straddling the gap is still counted. <see cref="Advance"/> continues from a saved
/// state, so evaluating the snapshots in pieces gives exactly the crossings of evaluating them at once.
/// </remarks>
public static class BandEvaluator
{
    public static BandStep Evaluate(IReadOnlyList<SnapshotRecord> snapshots, BandSettings band) =>
        Advance(BandState.Initial, snapshots, band);

    /// <param name="snapshots">Snapshots not evaluated before, oldest first.</param>
    public static BandStep Advance(BandState state, IReadOnlyList<SnapshotRecord> snapshots, BandSettings band)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(band);

        var confirm = Math.Max(1, band.ConfirmSnapshots);
        var (confirmed, pending, count) = (state.Confirmed, state.Pending, state.PendingCount);
        var crossings = new List<BandCrossing>();
        foreach (var snapshot in snapshots)
        {
            var tier = TierClassifier.Classify(snapshot.Followers, snapshot.EngagementRate, band);
            if (tier == Tier.Unknown)
            {
                continue;
            }

            if (confirmed is not { } current)
            {
                confirmed = tier;
                continue;
            }

            if (tier == current)
            {
                (pending, count) = (null, 0);
                continue;
            }

            (pending, count) = pending == tier ? (pending, count + 1) : (tier, 1);
            if (count < confirm)
            {
                continue;
            }

            if (current == Tier.Band || tier == Tier.Band)
            {
                var kind = tier == Tier.Band ? EventKinds.Entered : EventKinds.Left;
                crossings.Add(new BandCrossing(kind, current, tier, snapshot.CollectedAt, snapshot.Followers!.Value, snapshot.EngagementRate));
            }

            (confirmed, pending, count) = (tier, null, 0);
        }

        return new BandStep(new BandState(confirmed, pending, count), crossings);
    }
}
