namespace Collector.Core.Platforms;

/// <summary>What a platform's API allows, as data, so the collection use case can batch without knowing the platform.</summary>
/// <param name="ResolveBatchSize">Handles per resolve request (1 where the API resolves one handle per call).</param>
/// <param name="ProfileBatchSize">Stable ids per profile request.</param>
/// <param name="MaxPostsPerRequest">Largest page of recent posts one request can return.</param>
/// <param name="HasViews">Whether posts carry a view or impression count.</param>
/// <param name="NeedsCredential">Whether the platform is unusable without a configured credential.</param>
public sealed record PlatformCapabilities(
    int ResolveBatchSize,
    int ProfileBatchSize,
    int MaxPostsPerRequest,
    bool HasViews,
    bool NeedsCredential);
