namespace Collector.Core.Platforms;

/// <summary>
/// One platform's public-metrics API. Implementations batch as far as the API allows, honour its rate
/// limits, and return per-account failures (not found, suspended, protected) as data. A failure of a whole
/// request (rate limited, unauthorized, unavailable, unreadable) is thrown as <see cref="PlatformException"/>.
/// </summary>
public interface IPlatformClient
{
    /// <summary>The platform key (see <see cref="PlatformKeys"/>).</summary>
    string Platform { get; }

    PlatformCapabilities Capabilities { get; }

    /// <summary>False when the platform needs a credential and none is configured.</summary>
    bool IsConfigured { get; }

    /// <summary>
    /// Resolves watchlist handles (at most <see cref="PlatformCapabilities.ResolveBatchSize"/>) to stable ids.
    /// Every API used returns the profile counters with the resolution, so the outcome carries them.
    /// One outcome per requested handle, keyed by the handle exactly as passed in.
    /// </summary>
    Task<IReadOnlyList<ProfileOutcome>> ResolveAsync(IReadOnlyList<string> handles, CancellationToken cancellationToken);

    /// <summary>
    /// Fetches profile counters of already-resolved accounts (at most <see cref="PlatformCapabilities.ProfileBatchSize"/>
    /// ids) in as few requests as the API allows. One outcome per requested id, keyed by the id as passed in.
    /// </summary>
    Task<IReadOnlyList<ProfileOutcome>> GetProfilesAsync(IReadOnlyList<string> platformIds, CancellationToken cancellationToken);

    /// <summary>
    /// The account's most recent original posts (no reposts of others, no replies), newest first, at most
    /// <paramref name="count"/>. A protected timeline is an outcome with an error, not an exception.
    /// </summary>
    Task<PostsOutcome> GetRecentPostsAsync(Metrics.ProfileMetrics profile, int count, CancellationToken cancellationToken);
}
