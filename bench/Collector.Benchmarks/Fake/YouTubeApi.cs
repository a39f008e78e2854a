using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Collector.Benchmarks.Fake;

/// <summary>
/// YouTube Data API v3 under <c>/youtube/v3</c> in the shapes of platform-apis.md §4 (mirrors TestKit's FakeYouTube):
/// channels by handle (one per call) or by id (50 per call), the uploads playlist and video statistics. Counts are
/// strings and an empty result has no <c>items</c> key, as on the real API.
/// </summary>
internal static class YouTubeApi
{
    public const string ApiKey = "bench-youtube-key";
    private const int MaxIds = 50;

    public static Task HandleAsync(HttpContext context, RequestCounters counters, DateTimeOffset now)
    {
        if (!string.Equals(context.Request.Headers["X-Goog-Api-Key"].ToString(), ApiKey, StringComparison.Ordinal))
        {
            counters.Add(Endpoint.Unknown);
            return JsonAnswer.ErrorAsync(context, 400, "error", "API key not valid. Please pass a valid API key.");
        }

        var query = context.Request.Query;
        switch (context.Request.Path.Value)
        {
            case "/youtube/v3/channels" when query.ContainsKey("forHandle"):
                counters.Add(Endpoint.YouTubeChannelsByHandle);
                var byHandle = Synthetic.FromYouTubeHandle(query["forHandle"].ToString());
                return ListAsync(context, "channel", byHandle < 0 ? [] : [byHandle], null, Channel);

            case "/youtube/v3/channels":
                counters.Add(Endpoint.YouTubeChannelsById);
                var ids = query["id"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
                return ids.Length is 0 or > MaxIds
                    ? JsonAnswer.ErrorAsync(context, 400, "error", "id must have 1 to 50 values")
                    : ListAsync(context, "channel", [.. ids.Select(id => Synthetic.FromYouTubeId(id)).Where(n => n >= 0)], null, Channel);

            case "/youtube/v3/playlistItems":
                counters.Add(Endpoint.YouTubePlaylistItems);
                var owner = Synthetic.FromYouTubeUploads(query["playlistId"].ToString());
                var max = int.TryParse(query["maxResults"], CultureInfo.InvariantCulture, out var m) ? Math.Clamp(m, 0, MaxIds) : 5;
                int[] items = owner < 0 ? [] : [.. Enumerable.Range(0, max)];
                return ListAsync(context, "playlistItem", items, "CAUQAA", (json, i) => PlaylistItem(json, owner, i, now));

            case "/youtube/v3/videos":
                counters.Add(Endpoint.YouTubeVideos);
                var videos = query["id"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
                return ListAsync(context, "video", [.. Enumerable.Range(0, videos.Length)], null, (json, i) => Video(json, videos[i], i));

            default:
                counters.Add(Endpoint.Unknown);
                return JsonAnswer.ErrorAsync(context, 404, "error", "Not Found");
        }
    }

    private static Task ListAsync(HttpContext context, string kind, int[] items, string? next, Action<Utf8JsonWriter, int> item) =>
        JsonAnswer.WriteAsync(context, 200, json =>
        {
            json.WriteStartObject();
            json.WriteString("kind", $"youtube#{kind}ListResponse");
            json.WriteString("etag", "DovVRc4nTNzGShQkXoC7R2ab3JQ");
            if (next is not null)
            {
                json.WriteString("nextPageToken", next);
            }

            json.WriteStartObject("pageInfo");
            json.WriteNumber("totalResults", items.Length);
            json.WriteNumber("resultsPerPage", items.Length);
            json.WriteEndObject();
            if (items.Length > 0)
            {
                json.WriteStartArray("items");
                foreach (var i in items)
                {
                    item(json, i);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        });

    private static void Channel(Utf8JsonWriter json, int n)
    {
        json.WriteStartObject();
        json.WriteString("kind", "youtube#channel");
        json.WriteString("etag", "Cxi25U626ZmPs7h8MsS4D8GzfV8");
        json.WriteString("id", Synthetic.YouTubeChannel(n));
        json.WriteStartObject("snippet");
        json.WriteString("title", "Channel " + n.ToString(CultureInfo.InvariantCulture));
        json.WriteString("description", "Photographer. Coffee. Videos about light, streets and the people in them.");
        json.WriteString("customUrl", Synthetic.YouTubeHandle(n));
        json.WriteString("publishedAt", "2007-08-23T00:34:43Z");
        json.WriteEndObject();
        json.WriteStartObject("contentDetails");
        json.WriteStartObject("relatedPlaylists");
        json.WriteString("likes", string.Empty);
        json.WriteString("uploads", Synthetic.YouTubeUploads(n));
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject("statistics");
        json.WriteString("viewCount", (Synthetic.Followers(n) * 40).ToString(CultureInfo.InvariantCulture));
        json.WriteString("subscriberCount", Synthetic.Followers(n).ToString(CultureInfo.InvariantCulture));
        json.WriteBoolean("hiddenSubscriberCount", false);
        json.WriteString("videoCount", Synthetic.Posts(n).ToString(CultureInfo.InvariantCulture));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void PlaylistItem(Utf8JsonWriter json, int n, int i, DateTimeOffset now)
    {
        json.WriteStartObject();
        json.WriteString("kind", "youtube#playlistItem");
        json.WriteString("etag", "Qq9nexxDsu-O8I8Z-OYt-i7VhGw");
        json.WriteString("id", string.Create(CultureInfo.InvariantCulture, $"UExiZW5jaC{n:D9}{i:D3}"));
        json.WriteStartObject("contentDetails");
        json.WriteString("videoId", VideoId(n, i));
        json.WriteString("videoPublishedAt", now.AddDays(-(i + 1)).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Video(Utf8JsonWriter json, string id, int i)
    {
        var n = id.Length > 4 && int.TryParse(id.AsSpan(1, id.Length - 4), NumberStyles.None, CultureInfo.InvariantCulture, out var owner) ? owner : 0;
        json.WriteStartObject();
        json.WriteString("kind", "youtube#video");
        json.WriteString("etag", "ey2iG1YqNJC9f02ZV9PjQ4Ty03Y");
        json.WriteString("id", id);
        json.WriteStartObject("statistics");
        json.WriteString("viewCount", (100 * Synthetic.Likes(n, i)).ToString(CultureInfo.InvariantCulture));
        json.WriteString("likeCount", Synthetic.Likes(n, i).ToString(CultureInfo.InvariantCulture));
        json.WriteString("favoriteCount", "0");
        json.WriteString("commentCount", Synthetic.Replies(n, i).ToString(CultureInfo.InvariantCulture));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary><c>v</c> + owner + 3-digit index: readable back in <see cref="Video"/> without state.</summary>
    private static string VideoId(int n, int i) => string.Create(CultureInfo.InvariantCulture, $"v{n}{i:D3}");
}
