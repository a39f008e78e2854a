using System.Text.Json.Serialization;

namespace Collector.Platforms.YouTube;

/// <summary>
/// The slices of the YouTube Data API v3 resources the client reads. Counts are uint64 sent as JSON strings
/// (<c>"subscriberCount": "713"</c>); <see cref="YouTubeJsonContext"/> reads them into numbers. A list that matches
/// nothing has no <c>items</c> key at all, so every list is optional.
/// </summary>
internal static class YouTubeModels
{
    internal sealed record ChannelListResponse(IReadOnlyList<Channel>? Items = null);

    internal sealed record Channel(
        string Id,
        ChannelSnippet? Snippet = null,
        ChannelContentDetails? ContentDetails = null,
        ChannelStatistics? Statistics = null);

    /// <summary><c>customUrl</c> is the channel's handle, e.g. <c>@googledevelopers</c>.</summary>
    internal sealed record ChannelSnippet(string? Title = null, string? CustomUrl = null);

    internal sealed record ChannelContentDetails(RelatedPlaylists? RelatedPlaylists = null);

    internal sealed record RelatedPlaylists(string? Uploads = null);

    /// <summary>With <c>hiddenSubscriberCount</c> the count is unknown: it may be left out or sent as "0" (UNSURE).</summary>
    internal sealed record ChannelStatistics(
        long? ViewCount = null,
        long? SubscriberCount = null,
        bool HiddenSubscriberCount = false,
        long? VideoCount = null);

    internal sealed record PlaylistItemListResponse(IReadOnlyList<PlaylistItem>? Items = null, string? NextPageToken = null);

    internal sealed record PlaylistItem(PlaylistItemContentDetails? ContentDetails = null);

    internal sealed record PlaylistItemContentDetails(string? VideoId = null, string? VideoPublishedAt = null);

    internal sealed record VideoListResponse(IReadOnlyList<Video>? Items = null);

    internal sealed record Video(string Id, VideoStatistics? Statistics = null);

    /// <summary><c>likeCount</c> is absent when likes are hidden, <c>commentCount</c> when comments are off.</summary>
    internal sealed record VideoStatistics(long? ViewCount = null, long? LikeCount = null, long? CommentCount = null);

    /// <summary>The Google JSON error envelope: <c>{"error":{"code","message","errors":[{"reason"}],"status","details"}}</c>.</summary>
    internal sealed record ErrorResponse(ErrorBody? Error = null);

    internal sealed record ErrorBody(
        int? Code = null,
        string? Message = null,
        IReadOnlyList<ErrorItem>? Errors = null,
        string? Status = null,
        IReadOnlyList<ErrorDetail>? Details = null);

    internal sealed record ErrorItem(string? Message = null, string? Domain = null, string? Reason = null);

    internal sealed record ErrorDetail([property: JsonPropertyName("@type")] string? Type = null, string? Reason = null);
}
