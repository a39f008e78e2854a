using Collector.Core.Bands;

namespace Collector.Core.Tests.Bands;

public sealed class TierClassifierTests
{
    private static readonly BandSettings Band = new(10_000, 100_000, 0.02, 2);

    [Theory]
    [InlineData(null, 0.05, Tier.Unknown)]
    [InlineData(9_999L, 0.05, Tier.Below)]
    [InlineData(10_000L, 0.02, Tier.Band)]
    [InlineData(100_000L, 0.05, Tier.Band)]
    [InlineData(100_001L, 0.05, Tier.Above)]
    [InlineData(50_000L, 0.0199, Tier.LowEngagement)]
    [InlineData(50_000L, null, Tier.LowEngagement)]
    public void Classify_FollowsTheSpecRules(long? followers, double? rate, Tier expected) =>
        Assert.Equal(expected, TierClassifier.Classify(followers, rate, Band));

    [Fact]
    public void Classify_WhenNoMinimumEngagement_UnknownRateStillCountsAsBand() =>
        Assert.Equal(Tier.Band, TierClassifier.Classify(20_000, null, Band with { MinEngagementRate = 0 }));

    [Theory]
    [InlineData(Tier.LowEngagement, "low_engagement")]
    [InlineData(Tier.Band, "band")]
    [InlineData(Tier.Unknown, "unknown")]
    public void WireNames_RoundTrip(Tier tier, string wire)
    {
        Assert.Equal(wire, tier.ToWire());
        Assert.Equal(tier, TierNames.Parse(wire));
    }
}
