namespace Collector.Core.Metrics;

/// <summary>One account's public profile counters as the platform reported them.</summary>
/// <param name="PlatformId">Stable id (Bluesky DID, X user id, Mastodon account id, YouTube channel id).</param>
/// <param name="Handle">The account's current handle as the platform spells it.</param>
/// <param name="Followers">Null when hidden or not reported.</param>
/// <param name="PostsRef">Platform-specific pointer needed to list posts (YouTube uploads playlist id); null elsewhere.</param>
public sealed record ProfileMetrics(
    string PlatformId,
    string Handle,
    long? Followers,
    long? Following,
    long? Posts,
    DataQuality Quality = DataQuality.None,
    string? PostsRef = null);
