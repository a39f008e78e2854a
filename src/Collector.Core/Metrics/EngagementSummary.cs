namespace Collector.Core.Metrics;

/// <summary>
/// Per-post averages over the sampled original posts and the engagement rate derived from them.
/// Raw averages are kept so other formulas (median, by views) can be derived later.
/// </summary>
/// <param name="EngagementRate">
/// Mean over posts of (likes + replies + reposts + quotes) / followers, as a fraction; null when there are no
/// posts or the follower count is unknown or zero. Formula name: <see cref="Formula"/>.
/// </param>
public sealed record EngagementSummary(
    int PostsSampled,
    double? AvgLikes,
    double? AvgReplies,
    double? AvgReposts,
    double? AvgQuotes,
    double? AvgViews,
    double? EngagementRate)
{
    /// <summary>The name of the ER formula stored with each snapshot (followers-based mean, per domain notes §4.2).</summary>
    public const string Formula = "er_followers_mean";

    public static EngagementSummary None { get; } = new(0, null, null, null, null, null, null);
}
