namespace Collector.Worker.Output;

/// <summary>One snapshot in <c>history --json</c>; counts are null when unknown or hidden.</summary>
internal sealed record HistorySnapshot(
    DateTimeOffset CollectedAt,
    long? Followers,
    long? Following,
    long? Posts,
    double? EngagementRate,
    int PostsSampled,
    string Tier,
    IReadOnlyList<string> Quality);
