using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using Collector.Core.Metrics;
using Collector.Core.Platforms;
using Collector.Platforms.Http;
using Microsoft.Extensions.Options;

namespace Collector.Platforms.YouTube;

/// <summary>
/// YouTube Data API v3 with an API key. A handle resolves once (<c>forHandle</c> takes one per call); afterwards
/// channels are refreshed 50 ids per call. Engagement comes from the uploads playlist and one <c>videos</c> call
/// for those ids. Every call costs quota units, paid by <see cref="YouTubeQuotaHandler"/> before it is sent.
/// </summary>
internal sealed class YouTubeClient(HttpClient http, IOptions<YouTubeOptions> options, YouTubeQuota quota, TimeProvider time) : IPlatformClient
{
    /// <summary>Ids per channels/videos call and the <c>maxResults</c> maximum (the explicit id cap is UNSURE; 50 is the practical one).</summary>
    public const int PerRequest = 50;

    private const string ApiKeyHeader = "X-Goog-Api-Key";

    // snippet carries the handle (customUrl): without it a refresh would overwrite the recorded handle with the id.
    // The parts do not change the cost, 1 unit per call.
    private const string ChannelParts = "snippet,statistics,contentDetails";

    // The uploads playlist is newest first; a few pages cover any sensible engagement sample.
    private const int MaxPlaylistPages = 4;

    private readonly YouTubeOptions _options = options.Value;
    private readonly PlatformApi _api = new(http, HttpProfile, options.Value, time);

    public static PlatformHttpProfile HttpProfile { get; } = new(PlatformKeys.YouTube, RateLimitDialect.None, new YouTubeErrorBodyReader());

    public string Platform => PlatformKeys.YouTube;

    public PlatformCapabilities Capabilities { get; } = new(
        ResolveBatchSize: 1,
        ProfileBatchSize: PerRequest,
        MaxPostsPerRequest: PerRequest,
        HasViews: true,
        NeedsCredential: true);

    public bool IsConfigured => _options.Key is not null;

    /// <summary>Handles one call each; channel ids (<c>UC…</c>) in the watchlist are looked up together by id.</summary>
    public async Task<IReadOnlyList<ProfileOutcome>> ResolveAsync(IReadOnlyList<string> handles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handles);
        var byId = await FetchByIdAsync([.. handles.Where(YouTubeChannelId.IsValid)], cancellationToken);
        var outcomes = new List<ProfileOutcome>(handles.Count);
        foreach (var handle in handles)
        {
            if (YouTubeChannelId.IsValid(handle))
            {
                outcomes.Add(ToOutcome(handle, byId.GetValueOrDefault(handle)));
                continue;
            }

            if (!YouTubeChannelId.IsHandle(handle))
            {
                outcomes.Add(ProfileOutcome.Failed(handle, new PlatformError(
                    PlatformErrorKind.NotFound, $"youtube: '{SafeText.Clip(handle, 80)}' is neither an @handle nor a channel id")));
                continue;
            }

            var uri = new UrlBuilder("channels").Add("part", ChannelParts).Add("forHandle", handle.Trim()).ToString();
            var channels = (await SendAsync(uri, YouTubeJsonContext.Default.ChannelListResponse, cancellationToken)).GetValueOrThrow();
            outcomes.Add(ToOutcome(handle, channels.Items is [var first, ..] ? first : null));
        }

        return outcomes;
    }

    public async Task<IReadOnlyList<ProfileOutcome>> GetProfilesAsync(IReadOnlyList<string> platformIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(platformIds);
        var byId = await FetchByIdAsync([.. platformIds.Where(YouTubeChannelId.IsValid)], cancellationToken);
        return [.. platformIds.Select(id => ToOutcome(id, byId.GetValueOrDefault(id)))];
    }

    public async Task<PostsOutcome> GetRecentPostsAsync(ProfileMetrics profile, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (count <= 0)
        {
            return PostsOutcome.Empty;
        }

        if (profile.PostsRef is not { Length: > 0 } uploads)
        {
            return new PostsOutcome([], new PlatformError(
                PlatformErrorKind.InvalidResponse, $"youtube: no uploads playlist known for {SafeText.Clip(profile.PlatformId, 40)}"));
        }

        var uploaded = new List<(string Id, DateTimeOffset? PublishedAt)>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? pageToken = null;
        for (var page = 0; page < MaxPlaylistPages && uploaded.Count < count; page++)
        {
            var uri = new UrlBuilder("playlistItems")
                .Add("part", "contentDetails")
                .Add("playlistId", uploads)
                .Add("maxResults", Math.Min(count - uploaded.Count, PerRequest))
                .AddIfPresent("pageToken", pageToken)
                .ToString();
            var response = await SendAsync(uri, YouTubeJsonContext.Default.PlaylistItemListResponse, cancellationToken);
            if (response.Error is { } failure)
            {
                // playlistNotFound, playlistItemsNotAccessible: about this channel, so an outcome, not a failed round.
                return failure.Error.IsAccountLevel ? new PostsOutcome([], failure.Error) : throw new PlatformException(failure.Error);
            }

            foreach (var item in response.Value!.Items ?? [])
            {
                if (item.ContentDetails?.VideoId is { Length: > 0 } videoId && uploaded.Count < count && seen.Add(videoId))
                {
                    uploaded.Add((videoId, ParseInstant(item.ContentDetails.VideoPublishedAt)));
                }
            }

            pageToken = response.Value.NextPageToken;
            if (string.IsNullOrEmpty(pageToken))
            {
                break;
            }
        }

        var statistics = new Dictionary<string, YouTubeModels.VideoStatistics>(StringComparer.Ordinal);
        foreach (var chunk in uploaded.Chunk(PerRequest))
        {
            var uri = new UrlBuilder("videos").Add("part", "statistics").AddJoined("id", chunk.Select(static v => v.Id)).ToString();
            var videos = (await SendAsync(uri, YouTubeJsonContext.Default.VideoListResponse, cancellationToken)).GetValueOrThrow();
            foreach (var video in videos.Items ?? [])
            {
                if (video.Statistics is { } stats)
                {
                    statistics.TryAdd(video.Id, stats);
                }
            }
        }

        // Private and deleted videos stay in the playlist but are left out of videos.list: they have no counts to average.
        return new PostsOutcome([.. uploaded.Where(v => statistics.ContainsKey(v.Id)).Select(v => ToPostMetrics(v.Id, v.PublishedAt, statistics[v.Id]))]);
    }

    private async Task<Dictionary<string, YouTubeModels.Channel>> FetchByIdAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, YouTubeModels.Channel>(StringComparer.Ordinal);
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(PerRequest))
        {
            var uri = new UrlBuilder("channels").Add("part", ChannelParts).AddJoined("id", chunk).ToString();
            var channels = (await SendAsync(uri, YouTubeJsonContext.Default.ChannelListResponse, cancellationToken)).GetValueOrThrow();
            foreach (var channel in channels.Items ?? [])
            {
                found.TryAdd(channel.Id, channel);
            }
        }

        return found;
    }

    /// <summary>One GET with the key in its header; a quota the API reports spent is remembered for the rest of the day.</summary>
    private async Task<ApiResponse<T>> SendAsync<T>(string relativeUri, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        var key = _options.Key ?? throw new PlatformException(new PlatformError(
            PlatformErrorKind.NotConfigured, "youtube: no API key configured (Platforms:YouTube:ApiKey)"));
        ApiResponse<T> response;
        try
        {
            response = await _api.GetJsonAsync(relativeUri, typeInfo, cancellationToken, headers => headers.Add(ApiKeyHeader, key));
        }
        catch (PlatformException ex) when (ex.Message.Contains(key, StringComparison.Ordinal))
        {
            throw new PlatformException(Redact(ex.Error, key), ex);
        }

        if (response.Error is not { } failure)
        {
            return response;
        }

        var error = Redact(failure.Error, key);
        if (error.Kind == PlatformErrorKind.QuotaExceeded)
        {
            error = await quota.RecordExhaustedAsync(error, cancellationToken);
        }

        return response with { Error = failure with { Error = error } };
    }

    /// <summary>A server could echo the key back in its error text, which is logged and stored.</summary>
    private static PlatformError Redact(PlatformError error, string key) =>
        error.Message.Contains(key, StringComparison.Ordinal)
            ? error with { Message = error.Message.Replace(key, "[redacted]", StringComparison.Ordinal) }
            : error;

    private static ProfileOutcome ToOutcome(string key, YouTubeModels.Channel? channel)
    {
        if (channel is null)
        {
            // HTTP 200 without items: the handle or id matches no channel (or a terminated one).
            return ProfileOutcome.Failed(key, new PlatformError(
                PlatformErrorKind.NotFound, $"youtube: no channel for '{SafeText.Clip(key, 80)}' (unknown, deleted or terminated)"));
        }

        if (channel.Statistics is not { } stats)
        {
            return ProfileOutcome.Failed(key, new PlatformError(PlatformErrorKind.InvalidResponse, $"youtube: no statistics for {channel.Id}"));
        }

        // Hidden means unknown, whether the count is left out or sent as "0"; shown counts are rounded down to
        // three significant figures by YouTube's policy, which the snapshot records.
        var followers = stats.HiddenSubscriberCount ? null : stats.SubscriberCount;
        var quality = stats.HiddenSubscriberCount ? DataQuality.FollowersHidden
            : followers is null ? DataQuality.None
            : DataQuality.FollowersRounded;
        if (Counts.FindImplausible(("subscriberCount", followers), ("videoCount", stats.VideoCount)) is { } problem)
        {
            return ProfileOutcome.Failed(key, new PlatformError(PlatformErrorKind.InvalidResponse, $"youtube: {problem} for {channel.Id}"));
        }

        var handle = channel.Snippet?.CustomUrl is { Length: > 0 } customUrl ? customUrl : channel.Id;
        var uploads = channel.ContentDetails?.RelatedPlaylists?.Uploads is { Length: > 0 } playlist ? playlist : null;
        return ProfileOutcome.Found(key, new ProfileMetrics(channel.Id, handle, followers, Following: null, stats.VideoCount, quality, uploads));
    }

    private static PostMetrics ToPostMetrics(string videoId, DateTimeOffset? publishedAt, YouTubeModels.VideoStatistics stats)
    {
        if (Counts.FindImplausible(("likeCount", stats.LikeCount), ("commentCount", stats.CommentCount), ("viewCount", stats.ViewCount)) is { } problem)
        {
            // One absurd video would skew the whole engagement average, so the sample as a whole is refused.
            throw new PlatformException(new PlatformError(PlatformErrorKind.InvalidResponse, $"youtube /videos: {problem} on {videoId}"));
        }

        // Comments are YouTube's replies; there are no reposts or quotes.
        return new PostMetrics(videoId, publishedAt, stats.LikeCount, stats.CommentCount, Reposts: null, Quotes: null, stats.ViewCount);
    }

    private static DateTimeOffset? ParseInstant(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;
}
