namespace Collector.Core.Bands;

/// <summary>The tier of one snapshot, exactly as SPEC "Engagement rate and the band" defines it.</summary>
public static class TierClassifier
{
    public static Tier Classify(long? followers, double? engagementRate, BandSettings band)
    {
        ArgumentNullException.ThrowIfNull(band);
        if (followers is not { } count)
        {
            return Tier.Unknown;
        }

        if (count < band.MinFollowers)
        {
            return Tier.Below;
        }

        if (count > band.MaxFollowers)
        {
            return Tier.Above;
        }

        // An unavailable ER only satisfies the band when no minimum is required.
        var engaged = engagementRate is { } rate
            ? rate >= band.MinEngagementRate
            : band.MinEngagementRate <= 0;
        return engaged ? Tier.Band : Tier.LowEngagement;
    }
}
