namespace Collector.Core.Metrics;

/// <summary>Public counters of one original post. Null means the platform did not report that counter.</summary>
public sealed record PostMetrics(
    string PostId,
    DateTimeOffset? CreatedAt,
    long? Likes,
    long? Replies,
    long? Reposts,
    long? Quotes,
    long? Views);
