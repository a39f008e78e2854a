using Collector.Core.Bands;
using Collector.Core.Notifications;
using Collector.Core.Storage;
using Collector.Core.Tests.Analytics;

namespace Collector.Core.Tests.Bands;

public sealed class BandEvaluatorTests
{
    private static readonly BandSettings Confirm1 = new(10_000, 100_000, 0, 1);
    private static readonly BandSettings Confirm2 = new(10_000, 100_000, 0, 2);

    /// <summary>Each case: a follower series (6 h apart), a band, and the crossings expected as "kind from>to @index".</summary>
    public static TheoryData<string, long?[], BandSettings, string[]> Cases => new()
    {
        { "rising through the band", [8_000, 9_500, 10_500, 11_000, 60_000, 120_000, 130_000], Confirm2, ["entered below>band @3", "left band>above @6"] },
        { "rising, confirm 1", [8_000, 10_500, 120_000], Confirm1, ["entered below>band @1", "left band>above @2"] },
        { "falling into it from above", [150_000, 120_000, 99_000, 95_000, 90_000], Confirm2, ["entered above>band @3"] },
        { "first snapshot in the band is a baseline", [50_000, 51_000, 52_000], Confirm2, [] },
        { "jitter, confirm 1 flaps", [9_990, 10_010, 9_995, 10_020], Confirm1, ["entered below>band @1", "left band>below @2", "entered below>band @3"] },
        { "jitter, confirm 2 holds still", [9_990, 10_010, 9_995, 10_020, 9_999], Confirm2, [] },
        { "jitter then settles, confirm 2", [9_990, 10_010, 9_995, 10_020, 10_040], Confirm2, ["entered below>band @4"] },
        { "boundaries are inclusive", [9_999, 10_000, 100_000, 100_001], Confirm1, ["entered below>band @1", "left band>above @3"] },
        { "hidden followers set no baseline", [null, null, 12_000, 13_000], Confirm1, [] },
        { "hidden followers neither confirm nor break a streak", [9_000, 11_000, null, 11_500], Confirm2, ["entered below>band @3"] },
        { "hidden followers alone never cross", [50_000, null, null, null], Confirm1, [] },
        { "over the band straight from below is no crossing", [9_000, 150_000, 160_000], Confirm2, [] },
        { "a different tier resets the streak", [9_000, 11_000, 150_000, 11_000, 12_000], Confirm2, ["entered below>band @4"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_FlagsExactlyTheConfirmedCrossings(string name, long?[] followers, BandSettings band, string[] expected)
    {
        var series = Snapshots.Series(followers);

        var crossings = BandEvaluator.Evaluate(series, band).Crossings;

        Assert.True(expected.SequenceEqual(crossings.Select(c => Describe(c, series))),
            $"{name}: expected [{string.Join(", ", expected)}] but got [{string.Join(", ", crossings.Select(c => Describe(c, series)))}]");
    }

    [Fact]
    public void Evaluate_ACrossingCarriesFollowersEngagementAndTimeOfTheConfirmingSnapshot()
    {
        SnapshotRecord[] series =
        [
            Snapshots.At(Snapshots.Start, 9_000, 0.05),
            Snapshots.At(Snapshots.Start.AddHours(6), 10_200, 0.04),
            Snapshots.At(Snapshots.Start.AddHours(12), 10_400, 0.035),
        ];

        var crossing = Assert.Single(BandEvaluator.Evaluate(series, Confirm2).Crossings);

        Assert.Equal(new BandCrossing(EventKinds.Entered, Tier.Below, Tier.Band, Snapshots.Start.AddHours(12), 10_400, 0.035), crossing);
    }

    [Fact]
    public void Evaluate_EngagementBelowTheMinimum_IsLowEngagementAndLeavesTheBand()
    {
        var band = new BandSettings(10_000, 100_000, 0.02, 1);
        SnapshotRecord[] series =
        [
            Snapshots.At(Snapshots.Start, 20_000, 0.03),
            Snapshots.At(Snapshots.Start.AddHours(6), 20_100, 0.01),
            Snapshots.At(Snapshots.Start.AddHours(12), 20_200, null),
            Snapshots.At(Snapshots.Start.AddHours(18), 20_300, 0.025),
        ];

        var crossings = BandEvaluator.Evaluate(series, band).Crossings;

        // An unavailable ER does not satisfy a required minimum: it stays low_engagement until ER is back.
        Assert.Equal(
            [(EventKinds.Left, Tier.Band, Tier.LowEngagement), (EventKinds.Entered, Tier.LowEngagement, Tier.Band)],
            crossings.Select(static c => (c.Kind, c.From, c.To)));
        Assert.Equal(Snapshots.Start.AddHours(18), crossings[1].At);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Advance_InPieces_GivesTheSameCrossingsAndStateAsAllAtOnce(int confirm)
    {
        var band = new BandSettings(10_000, 100_000, 0, confirm);
        var series = Snapshots.Series(9_000, 10_100, null, 10_200, 9_900, 10_300, 10_400, 10_500, 120_000, 130_000, 140_000, 90_000);
        var whole = BandEvaluator.Evaluate(series, band);

        for (var split = 0; split <= series.Count; split++)
        {
            var first = BandEvaluator.Advance(BandState.Initial, [.. series.Take(split)], band);
            var second = BandEvaluator.Advance(first.State, [.. series.Skip(split)], band);

            Assert.Equal(whole.Crossings, [.. first.Crossings, .. second.Crossings]);
            Assert.Equal(whole.State, second.State);
        }
    }

    [Fact]
    public void Advance_WithNoNewSnapshots_ChangesNothing()
    {
        var state = new BandState(Tier.Below, Tier.Band, 1);

        var step = BandEvaluator.Advance(state, [], Confirm2);

        Assert.Equal(state, step.State);
        Assert.Empty(step.Crossings);
    }

    private static string Describe(BandCrossing crossing, IReadOnlyList<SnapshotRecord> series)
    {
        var index = series.ToList().FindIndex(s => s.CollectedAt == crossing.At);
        return $"{crossing.Kind} {crossing.From.ToWire()}>{crossing.To.ToWire()} @{index}";
    }
}
