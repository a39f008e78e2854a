using System.Text.Json;
using System.Text.Json.Serialization;

namespace Collector.Platforms.Bluesky;

/// <summary>
/// The slices of the app.bsky lexicons the client reads. Parameters without a default are required by the lexicon
/// and enforced by <see cref="BlueskyJsonContext"/>; optional counters stay null when absent.
/// </summary>
internal static class BlueskyModels
{
    /// <summary><c>app.bsky.actor.getProfiles</c> output.</summary>
    internal sealed record ProfilesResponse(IReadOnlyList<ProfileView> Profiles);

    /// <summary>A <c>profileViewDetailed</c>, counters only.</summary>
    internal sealed record ProfileView(
        string Did,
        string Handle,
        long? FollowersCount = null,
        long? FollowsCount = null,
        long? PostsCount = null);

    /// <summary><c>app.bsky.feed.getAuthorFeed</c> output.</summary>
    internal sealed record AuthorFeedResponse(IReadOnlyList<FeedViewPost> Feed, string? Cursor = null);

    /// <summary>A <c>feedViewPost</c>: the post, and why it is in this feed (a repost, a pin) when not authored here.</summary>
    internal sealed record FeedViewPost(PostView Post, JsonElement? Reply = null, FeedReason? Reason = null);

    internal sealed record FeedReason([property: JsonPropertyName("$type")] string? Type = null);

    internal sealed record PostView(
        string Uri,
        PostAuthor Author,
        PostRecord? Record = null,
        long? ReplyCount = null,
        long? RepostCount = null,
        long? LikeCount = null,
        long? QuoteCount = null,
        string? IndexedAt = null);

    internal sealed record PostAuthor(string Did, string? Handle = null);

    /// <summary>The post record; only its author-declared creation time is read.</summary>
    internal sealed record PostRecord(string? CreatedAt = null);

    /// <summary>Every XRPC error body: <c>{"error":"Name","message":"text"}</c> (xrpc-server errors.ts).</summary>
    internal sealed record XrpcError(string? Error = null, string? Message = null);
}
