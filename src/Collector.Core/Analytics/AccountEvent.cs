using Collector.Core.Bands;

namespace Collector.Core.Analytics;

/// <summary>
/// A stored event of one account: a band crossing (<c>entered</c>, <c>left</c>) or a follower <c>spike</c>.
/// <see cref="Key"/> is deterministic (account, kind and instant or day), so evaluating the same snapshots again
/// finds the event already stored instead of adding it twice.
/// </summary>
/// <param name="Band">The band that was in force when the event was found (every alert says which band produced it).</param>
/// <param name="Spike">Details of a spike; null for crossings.</param>
public sealed record AccountEvent(
    long AccountId,
    string Kind,
    string Key,
    DateTimeOffset At,
    Tier? From,
    Tier? To,
    long? Followers,
    double? EngagementRate,
    BandSettings Band,
    Spike? Spike);
