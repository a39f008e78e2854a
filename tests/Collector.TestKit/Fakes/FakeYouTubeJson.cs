using System.Globalization;
using System.Text.Json.Nodes;

namespace Collector.TestKit.Fakes;

/// <summary>
/// JSON in the YouTube Data API's shapes (platform-apis.md §4): list responses with <c>kind</c>, <c>etag</c> and
/// <c>pageInfo</c>, no <c>items</c> key when nothing matched, counts as strings, and the Google error envelope.
/// </summary>
internal static class FakeYouTubeJson
{
    public const string QuotaMessage =
        "The request cannot be completed because you have exceeded your <a href=\"/youtube/v3/getting-started#quota\">quota</a>.";

    public static string List(string kind, JsonArray items, int perPage, string? nextPageToken = null)
    {
        var json = new JsonObject { ["kind"] = $"youtube#{kind}ListResponse", ["etag"] = "DovVRc4nTNzGShQkXoC7R2ab3JQ" };
        if (nextPageToken is not null)
        {
            json["nextPageToken"] = nextPageToken;
        }

        json["pageInfo"] = new JsonObject { ["totalResults"] = items.Count, ["resultsPerPage"] = perPage };
        if (items.Count > 0)
        {
            json["items"] = items;
        }

        return json.ToJsonString();
    }

    public static JsonObject Channel(FakeYouTubeChannel channel, ISet<string> parts, HiddenSubscriberCountStyle hiddenStyle)
    {
        var json = new JsonObject { ["kind"] = "youtube#channel", ["etag"] = "Cxi25U626ZmPs7h8MsS4D8GzfV8", ["id"] = channel.Id };
        if (parts.Contains("snippet"))
        {
            json["snippet"] = new JsonObject
            {
                ["title"] = channel.Title,
                ["description"] = "The official channel.",
                ["customUrl"] = channel.Handle.ToLowerInvariant(),
                ["publishedAt"] = "2007-08-23T00:34:43Z",
                ["country"] = "US",
            };
        }

        if (parts.Contains("contentDetails"))
        {
            json["contentDetails"] = new JsonObject
            {
                ["relatedPlaylists"] = new JsonObject { ["likes"] = string.Empty, ["uploads"] = channel.UploadsPlaylistId },
            };
        }

        if (parts.Contains("statistics"))
        {
            var statistics = new JsonObject { ["viewCount"] = Count(channel.Views) };
            if (!channel.HiddenSubscribers)
            {
                statistics["subscriberCount"] = Count(channel.Subscribers);
            }
            else if (hiddenStyle == HiddenSubscriberCountStyle.Zero)
            {
                statistics["subscriberCount"] = "0";
            }

            statistics["hiddenSubscriberCount"] = channel.HiddenSubscribers;
            statistics["videoCount"] = Count(channel.Videos);
            json["statistics"] = statistics;
        }

        return json;
    }

    public static JsonObject PlaylistItem(string playlistId, FakeYouTubeVideo video) => new()
    {
        ["kind"] = "youtube#playlistItem",
        ["etag"] = "Qq9nexxDsu-O8I8Z-OYt-i7VhGw",
        ["id"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{playlistId}.{video.Id}")),
        ["contentDetails"] = new JsonObject
        {
            ["videoId"] = video.Id,
            ["videoPublishedAt"] = video.PublishedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        },
    };

    public static JsonObject Video(FakeYouTubeVideo video)
    {
        var statistics = new JsonObject { ["viewCount"] = Count(video.Views) };
        if (video.Likes is { } likes)
        {
            statistics["likeCount"] = Count(likes);
        }

        statistics["favoriteCount"] = "0";
        if (video.Comments is { } comments)
        {
            statistics["commentCount"] = Count(comments);
        }

        return new JsonObject { ["kind"] = "youtube#video", ["etag"] = "ey2iG1YqNJC9f02ZV9PjQ4Ty03Y", ["id"] = video.Id, ["statistics"] = statistics };
    }

    /// <summary>The Google error envelope, with <c>status</c> and an ErrorInfo in <c>details</c> where Google sends them.</summary>
    public static string Error(int code, string message, string domain, string reason, string? status = null, string? detailReason = null)
    {
        var error = new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
            ["errors"] = new JsonArray(new JsonObject { ["message"] = message, ["domain"] = domain, ["reason"] = reason }),
        };
        if (status is not null)
        {
            error["status"] = status;
        }

        if (detailReason is not null)
        {
            error["details"] = new JsonArray(new JsonObject
            {
                ["@type"] = "type.googleapis.com/google.rpc.ErrorInfo",
                ["reason"] = detailReason,
                ["domain"] = "googleapis.com",
                ["metadata"] = new JsonObject { ["service"] = "youtube.googleapis.com" },
            });
        }

        return new JsonObject { ["error"] = error }.ToJsonString();
    }

    public static string QuotaExceeded() => Error(403, QuotaMessage, "youtube.quota", "quotaExceeded");

    public static string KeyInvalid() =>
        Error(400, "API key not valid. Please pass a valid API key.", "global", "badRequest", "INVALID_ARGUMENT", "API_KEY_INVALID");

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}
