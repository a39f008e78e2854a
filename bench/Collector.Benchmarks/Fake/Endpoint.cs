namespace Collector.Benchmarks.Fake;

/// <summary>Every endpoint the fake platforms serve, counted separately so request efficiency is read per endpoint.</summary>
internal enum Endpoint
{
    BlueskyGetProfiles,
    BlueskyGetProfile,
    BlueskyAuthorFeed,
    XUsersBy,
    XUsers,
    XUser,
    XTimeline,
    MastodonLookup,
    MastodonAccount,
    MastodonStatuses,
    YouTubeChannelsByHandle,
    YouTubeChannelsById,
    YouTubePlaylistItems,
    YouTubeVideos,
    Unknown,
}
