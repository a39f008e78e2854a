namespace Collector.Worker.Output;

/// <summary>
/// One row of <c>flags --json</c>: the SPEC fields (platform, handle, kind, from, to, followers, engagementRate, at),
/// plus <c>platformId</c> and <c>spike</c> (details of a spike row, listed only with <c>--spikes</c>; null otherwise).
/// </summary>
internal sealed record FlagRow(
    string Platform,
    string Handle,
    string Kind,
    string? From,
    string? To,
    long? Followers,
    double? EngagementRate,
    DateTimeOffset At,
    string PlatformId,
    FlagSpike? Spike);
