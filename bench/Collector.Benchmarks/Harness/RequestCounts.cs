using Collector.Benchmarks.Fake;

namespace Collector.Benchmarks.Harness;

/// <summary>Requests the fake server answered since its last reset, per endpoint.</summary>
internal sealed record RequestCounts(IReadOnlyDictionary<Endpoint, long> ByEndpoint)
{
    public long this[Endpoint endpoint] => ByEndpoint.GetValueOrDefault(endpoint);

    public long Platform(string platform) => ByEndpoint
        .Where(e => e.Key.ToString().StartsWith(Prefix(platform), StringComparison.Ordinal))
        .Sum(static e => e.Value);

    /// <summary>Profile requests: resolving and refreshing accounts, not their posts.</summary>
    public long Profiles(string platform) => platform switch
    {
        "bluesky" => this[Endpoint.BlueskyGetProfiles] + this[Endpoint.BlueskyGetProfile],
        "x" => this[Endpoint.XUsersBy] + this[Endpoint.XUsers] + this[Endpoint.XUser],
        "mastodon" => this[Endpoint.MastodonLookup] + this[Endpoint.MastodonAccount],
        _ => this[Endpoint.YouTubeChannelsByHandle] + this[Endpoint.YouTubeChannelsById],
    };

    public long Unknown => this[Endpoint.Unknown];

    private static string Prefix(string platform) => platform switch
    {
        "bluesky" => "Bluesky",
        "x" => "X",
        "mastodon" => "Mastodon",
        _ => "YouTube",
    };
}
