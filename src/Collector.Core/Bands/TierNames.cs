namespace Collector.Core.Bands;

public static class TierNames
{
    public static string ToWire(this Tier tier) => tier switch
    {
        Tier.Below => "below",
        Tier.Band => "band",
        Tier.Above => "above",
        Tier.LowEngagement => "low_engagement",
        _ => "unknown",
    };

    public static Tier Parse(string? wire) => wire switch
    {
        "below" => Tier.Below,
        "band" => Tier.Band,
        "above" => Tier.Above,
        "low_engagement" => Tier.LowEngagement,
        _ => Tier.Unknown,
    };
}
