using Collector.Core.Metrics;
using Collector.Core.Storage;

namespace Collector.Storage.Tests;

/// <summary>Builds a successful observation with plausible defaults; tests override only what they are about.</summary>
internal sealed class ObservationBuilder(string watchKey, DateTimeOffset collectedAt)
{
    private readonly string _watchKey = watchKey;
    private string _platformId = "id-" + watchKey;
    private string _handle = watchKey;
    private long? _followers = 12_000;
    private long? _following = 150;
    private long? _posts = 900;
    private string? _postsRef;
    private DataQuality _profileQuality;
    private DataQuality _quality;
    private EngagementSummary? _engagement = new(12, 40.5, 3.25, 6, 1, null, 0.0042);

    public ObservationBuilder WithAccount(string platformId, string handle)
    {
        _platformId = platformId;
        _handle = handle;
        return this;
    }

    public ObservationBuilder WithCounts(long? followers, long? following, long? posts)
    {
        _followers = followers;
        _following = following;
        _posts = posts;
        return this;
    }

    public ObservationBuilder WithPostsRef(string? postsRef)
    {
        _postsRef = postsRef;
        return this;
    }

    public ObservationBuilder WithEngagement(EngagementSummary? engagement)
    {
        _engagement = engagement;
        return this;
    }

    public ObservationBuilder WithQuality(DataQuality observation, DataQuality profile = DataQuality.None)
    {
        _quality = observation;
        _profileQuality = profile;
        return this;
    }

    public AccountObservation Build() => new(
        _watchKey,
        collectedAt,
        new ProfileMetrics(_platformId, _handle, _followers, _following, _posts, _profileQuality, _postsRef),
        _engagement,
        _quality);

    public static implicit operator AccountObservation(ObservationBuilder builder) => builder.Build();
}
