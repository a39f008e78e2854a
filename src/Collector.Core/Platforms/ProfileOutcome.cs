using Collector.Core.Metrics;

namespace Collector.Core.Platforms;

/// <summary>The result for one requested handle or id: a profile, or an account-level error.</summary>
/// <param name="Key">The handle or id exactly as it was requested.</param>
public sealed record ProfileOutcome(string Key, ProfileMetrics? Profile, PlatformError? Error)
{
    public static ProfileOutcome Found(string key, ProfileMetrics profile) => new(key, profile, null);

    public static ProfileOutcome Failed(string key, PlatformError error) => new(key, null, error);
}
