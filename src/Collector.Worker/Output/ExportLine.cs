namespace Collector.Worker.Output;

/// <summary>One snapshot in <c>export --format jsonl</c>: the CSV columns, camelCase.</summary>
internal sealed record ExportLine(
    string Platform,
    string Handle,
    string PlatformId,
    DateTimeOffset CollectedAt,
    long? Followers,
    long? Following,
    long? Posts,
    double? EngagementRate,
    int PostsSampled,
    double? AvgLikes,
    double? AvgReplies,
    double? AvgReposts,
    double? AvgQuotes,
    double? AvgViews,
    IReadOnlyList<string> Quality);
