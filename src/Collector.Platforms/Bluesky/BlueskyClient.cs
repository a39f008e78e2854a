using System.Globalization;
using Collector.Core.Metrics;
using Collector.Core.Platforms;
using Collector.Platforms.Http;
using Microsoft.Extensions.Options;

namespace Collector.Platforms.Bluesky;

/// <summary>
/// Bluesky through the public AppView (no auth). Profiles come 25 actors per <c>getProfiles</c> call, which silently
/// omits unknown and taken-down actors, so results are matched back by DID or handle. Posts come from
/// <c>getAuthorFeed</c> with <c>posts_no_replies</c>, minus reposts of other people's posts.
/// </summary>
internal sealed class BlueskyClient(HttpClient http, IOptions<BlueskyOptions> options, TimeProvider time) : IPlatformClient
{
    /// <summary>getProfiles <c>actors</c> maxLength (lexicon).</summary>
    public const int ActorsPerRequest = 25;

    /// <summary>getAuthorFeed <c>limit</c> maximum (lexicon).</summary>
    public const int MaxFeedLimit = 100;

    private const string ProfilesPath = "xrpc/app.bsky.actor.getProfiles";
    private const string AuthorFeedPath = "xrpc/app.bsky.feed.getAuthorFeed";
    private const string RepostReason = "app.bsky.feed.defs#reasonRepost";

    // A feed of nothing but reposts would otherwise be paged to its end; a few pages are plenty for 12-100 posts.
    private const int MaxFeedPages = 5;

    private readonly PlatformApi _api = new(http, HttpProfile, options.Value, time);

    public static PlatformHttpProfile HttpProfile { get; } =
        new(PlatformKeys.Bluesky, RateLimitDialect.Bluesky, new BlueskyErrorBodyReader());

    public string Platform => PlatformKeys.Bluesky;

    public PlatformCapabilities Capabilities { get; } = new(
        ResolveBatchSize: ActorsPerRequest,
        ProfileBatchSize: ActorsPerRequest,
        MaxPostsPerRequest: MaxFeedLimit,
        HasViews: false,
        NeedsCredential: false);

    public bool IsConfigured => true;

    /// <summary>getProfiles takes handles and DIDs alike, so resolving is fetching.</summary>
    public Task<IReadOnlyList<ProfileOutcome>> ResolveAsync(IReadOnlyList<string> handles, CancellationToken cancellationToken) =>
        FetchProfilesAsync(handles, cancellationToken);

    public Task<IReadOnlyList<ProfileOutcome>> GetProfilesAsync(IReadOnlyList<string> platformIds, CancellationToken cancellationToken) =>
        FetchProfilesAsync(platformIds, cancellationToken);

    public async Task<PostsOutcome> GetRecentPostsAsync(ProfileMetrics profile, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (count <= 0)
        {
            return PostsOutcome.Empty;
        }

        var limit = Math.Min(count, MaxFeedLimit);
        var posts = new List<PostMetrics>(Math.Min(count, 256));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        for (var page = 0; page < MaxFeedPages && posts.Count < count; page++)
        {
            var uri = new UrlBuilder(AuthorFeedPath)
                .Add("actor", profile.PlatformId)
                .Add("filter", "posts_no_replies")
                .Add("limit", limit)
                .AddIfPresent("cursor", cursor)
                .ToString();
            var response = await _api.GetJsonAsync(uri, BlueskyJsonContext.Default.AuthorFeedResponse, cancellationToken);
            if (response.Error is { } failure)
            {
                // Takedown, deactivation, "Profile not found", blocks: about this account, so an outcome, not a failed round.
                return failure.Error.IsAccountLevel ? new PostsOutcome([], failure.Error) : throw new PlatformException(failure.Error);
            }

            var feed = response.Value!;
            foreach (var item in feed.Feed)
            {
                if (posts.Count < count && IsOriginalPostBy(item, profile.PlatformId) && seen.Add(item.Post.Uri))
                {
                    posts.Add(ToPostMetrics(item.Post));
                }
            }

            cursor = feed.Cursor;
            if (string.IsNullOrEmpty(cursor) || feed.Feed.Count == 0)
            {
                break;
            }
        }

        return new PostsOutcome(posts);
    }

    private async Task<IReadOnlyList<ProfileOutcome>> FetchProfilesAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var actors = keys.Select(BlueskyActor.Normalize)
            .Where(BlueskyActor.IsValid)
            .DistinctBy(static actor => BlueskyActor.IsDid(actor) ? actor : actor.ToUpperInvariant())
            .ToList();

        var byDid = new Dictionary<string, BlueskyModels.ProfileView>(StringComparer.Ordinal);
        var byHandle = new Dictionary<string, BlueskyModels.ProfileView>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in actors.Chunk(ActorsPerRequest))
        {
            var uri = new UrlBuilder(ProfilesPath).AddEach("actors", chunk).ToString();
            var response = await _api.GetJsonAsync(uri, BlueskyJsonContext.Default.ProfilesResponse, cancellationToken);
            foreach (var profile in response.GetValueOrThrow().Profiles)
            {
                byDid.TryAdd(profile.Did, profile);
                byHandle.TryAdd(profile.Handle, profile);
            }
        }

        var outcomes = new List<ProfileOutcome>(keys.Count);
        foreach (var key in keys)
        {
            var actor = BlueskyActor.Normalize(key);
            if (!BlueskyActor.IsValid(actor))
            {
                outcomes.Add(ProfileOutcome.Failed(key, new PlatformError(
                    PlatformErrorKind.NotFound, $"bluesky: '{SafeText.Clip(key, 80)}' is not a valid handle or DID")));
                continue;
            }

            var found = BlueskyActor.IsDid(actor) ? byDid.GetValueOrDefault(actor) : byHandle.GetValueOrDefault(actor);
            outcomes.Add(found is null
                ? ProfileOutcome.Failed(key, new PlatformError(
                    PlatformErrorKind.NotFound, $"bluesky: no profile for '{actor}' (unknown, taken down or deactivated)"))
                : ToOutcome(key, found));
        }

        return outcomes;
    }

    private static ProfileOutcome ToOutcome(string key, BlueskyModels.ProfileView profile)
    {
        if (Counts.FindImplausible(
                ("followersCount", profile.FollowersCount),
                ("followsCount", profile.FollowsCount),
                ("postsCount", profile.PostsCount)) is { } problem)
        {
            return ProfileOutcome.Failed(key, new PlatformError(
                PlatformErrorKind.InvalidResponse, $"bluesky: {problem} for {profile.Did}"));
        }

        return ProfileOutcome.Found(key, new ProfileMetrics(
            profile.Did, profile.Handle, profile.FollowersCount, profile.FollowsCount, profile.PostsCount));
    }

    /// <summary>
    /// A repost puts someone else's post in this feed (<c>reason</c> repost, author another DID); a reply should
    /// not be here with <c>posts_no_replies</c>, but a reply is never an original post, so it is dropped too.
    /// </summary>
    private static bool IsOriginalPostBy(BlueskyModels.FeedViewPost item, string did) =>
        !string.Equals(item.Reason?.Type, RepostReason, StringComparison.Ordinal)
        && string.Equals(item.Post.Author.Did, did, StringComparison.Ordinal)
        && item.Reply is null or { ValueKind: System.Text.Json.JsonValueKind.Null };

    private static PostMetrics ToPostMetrics(BlueskyModels.PostView post)
    {
        if (Counts.FindImplausible(
                ("likeCount", post.LikeCount),
                ("replyCount", post.ReplyCount),
                ("repostCount", post.RepostCount),
                ("quoteCount", post.QuoteCount)) is { } problem)
        {
            // One absurd post would skew the whole engagement average, so the sample as a whole is refused.
            throw new PlatformException(new PlatformError(
                PlatformErrorKind.InvalidResponse, $"bluesky {AuthorFeedPath}: {problem} on {post.Uri}"));
        }

        return new PostMetrics(post.Uri, ParseInstant(post.Record?.CreatedAt), post.LikeCount, post.ReplyCount, post.RepostCount, post.QuoteCount, Views: null);
    }

    private static DateTimeOffset? ParseInstant(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;
}
