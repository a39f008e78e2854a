using Collector.Core.Metrics;

namespace Collector.Core.Platforms;

/// <summary>Recent original posts, or an account-level reason there are none to read (e.g. protected).</summary>
public sealed record PostsOutcome(IReadOnlyList<PostMetrics> Posts, PlatformError? Error = null)
{
    public static PostsOutcome Empty { get; } = new([]);
}
