using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Collector.TestKit.Fakes;

/// <summary>
/// The YouTube Data API v3 on loopback under <c>/youtube/v3/</c>, answering like Google (platform-apis.md §4): the
/// key in <c>X-Goog-Api-Key</c> (or <c>?key=</c>), counts as strings, HTTP 200 without <c>items</c> when nothing
/// matches, and its own daily quota of units per Pacific day (every request with a key costs 1, failed ones too),
/// answered 403 <c>quotaExceeded</c> once spent.
/// </summary>
public sealed class FakeYouTube(TimeProvider? clock = null) : FakeHttpServer(clock)
{
    public const string ChannelsPath = "/youtube/v3/channels";
    public const string PlaylistItemsPath = "/youtube/v3/playlistItems";
    public const string VideosPath = "/youtube/v3/videos";

    private static readonly TimeZoneInfo Pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    private readonly Lock _lock = new();
    private readonly Dictionary<string, FakeYouTubeChannel> _channels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FakeYouTubeVideo>> _uploads = new(StringComparer.Ordinal);
    private readonly Dictionary<DateOnly, long> _unitsByDay = [];

    /// <summary>The value for <c>Platforms:YouTube:BaseUrl</c>.</summary>
    public string BaseUrl => BaseAddress + "youtube/v3";

    /// <summary>Keys this fake accepts; any other is answered 400 <c>API key not valid</c>.</summary>
    public HashSet<string> ValidKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>The project's daily allocation on the fake's side (Google's default is 10,000).</summary>
    public long DailyQuota { get; set; } = 10_000;

    /// <summary>False: the project has not enabled the API (403 <c>accessNotConfigured</c>).</summary>
    public bool ApiEnabled { get; set; } = true;

    public HiddenSubscriberCountStyle HiddenSubscriberCount { get; set; } = HiddenSubscriberCountStyle.Omitted;

    public long UnitsUsedOn(DateOnly pacificDay)
    {
        lock (_lock)
        {
            return _unitsByDay.GetValueOrDefault(pacificDay);
        }
    }

    public FakeYouTubeChannel AddChannel(FakeYouTubeChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        lock (_lock)
        {
            _channels[channel.Id] = channel;
            _uploads.TryAdd(channel.UploadsPlaylistId, []);
        }

        return channel;
    }

    public void AddVideo(string channelId, FakeYouTubeVideo video)
    {
        lock (_lock)
        {
            _uploads[_channels[channelId].UploadsPlaylistId].Add(video);
        }
    }

    protected override async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var key = request.Headers["X-Goog-Api-Key"].Count > 0 ? request.Headers["X-Goog-Api-Key"].ToString() : request.Query["key"].ToString();
        var (status, json) = Authorize(key) ?? Charge() ?? request.Path.Value switch
        {
            ChannelsPath => Channels(request.Query),
            PlaylistItemsPath => PlaylistItems(request.Query),
            VideosPath => Videos(request.Query),
            _ => (404, FakeYouTubeJson.Error(404, "Not Found", "global", "notFound")),
        };
        await WriteJsonAsync(context, status, json);
    }

    private (int, string)? Authorize(string key)
    {
        if (key.Length == 0)
        {
            return (403, FakeYouTubeJson.Error(
                403, "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
                "global", "forbidden", "PERMISSION_DENIED"));
        }

        if (!ValidKeys.Contains(key))
        {
            return (400, FakeYouTubeJson.KeyInvalid());
        }

        return ApiEnabled
            ? null
            : (403, FakeYouTubeJson.Error(
                403, "YouTube Data API v3 has not been used in project 123456789 before or it is disabled.", "usageLimits", "accessNotConfigured", "PERMISSION_DENIED", "SERVICE_DISABLED"));
    }

    private (int, string)? Charge()
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), Pacific).DateTime);
        lock (_lock)
        {
            // Every request is charged, the refused one included.
            var used = _unitsByDay.GetValueOrDefault(day) + 1;
            _unitsByDay[day] = used;
            return used > DailyQuota ? (403, FakeYouTubeJson.QuotaExceeded()) : null;
        }
    }

    private (int, string) Channels(IQueryCollection query)
    {
        var parts = Parts(query);
        if (parts.Count == 0)
        {
            return (400, FakeYouTubeJson.Error(400, "Required parameter: part", "global", "required"));
        }

        if (!query.ContainsKey("forHandle") && !query.ContainsKey("id"))
        {
            return (400, FakeYouTubeJson.Error(400, "No filter selected. Expected one of: forHandle, id, ...", "youtube.parameter", "missingRequiredParameter"));
        }

        var found = new JsonArray();
        lock (_lock)
        {
            if (query.ContainsKey("forHandle"))
            {
                var handle = query["forHandle"].ToString();
                handle = handle.StartsWith('@') ? handle : "@" + handle;
                var channel = _channels.Values.FirstOrDefault(c => string.Equals(c.Handle, handle, StringComparison.OrdinalIgnoreCase));
                if (channel is not null)
                {
                    found.Add(FakeYouTubeJson.Channel(channel, parts, HiddenSubscriberCount));
                }
            }
            else
            {
                // The cap on ids is undocumented (UNSURE); this fake refuses more than 50 like maxResults would.
                var ids = query["id"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
                if (ids.Length > 50)
                {
                    return (400, FakeYouTubeJson.Error(400, "Invalid filter parameter.", "youtube.parameter", "invalidFilters"));
                }

                foreach (var id in ids)
                {
                    if (_channels.GetValueOrDefault(id) is { } channel)
                    {
                        found.Add(FakeYouTubeJson.Channel(channel, parts, HiddenSubscriberCount));
                    }
                }
            }
        }

        return (200, FakeYouTubeJson.List("channel", found, 5));
    }

    private (int, string) PlaylistItems(IQueryCollection query)
    {
        var playlistId = query["playlistId"].ToString();
        var max = query.ContainsKey("maxResults") ? int.Parse(query["maxResults"].ToString(), CultureInfo.InvariantCulture) : 5;
        var offset = query.ContainsKey("pageToken") ? int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(query["pageToken"].ToString())), CultureInfo.InvariantCulture) : 0;
        List<FakeYouTubeVideo> page;
        bool more;
        lock (_lock)
        {
            if (!_uploads.TryGetValue(playlistId, out var uploads))
            {
                return (404, FakeYouTubeJson.Error(
                    404, "The playlist identified with the request's <code>playlistId</code> parameter cannot be found.", "youtube.playlistItem", "playlistNotFound"));
            }

            var ordered = uploads.OrderByDescending(v => v.PublishedAt).ToList();
            page = [.. ordered.Skip(offset).Take(max)];
            more = ordered.Count > offset + max;
        }

        var items = new JsonArray([.. page.Select(v => (JsonNode)FakeYouTubeJson.PlaylistItem(playlistId, v))]);
        var next = more ? Convert.ToBase64String(Encoding.UTF8.GetBytes((offset + max).ToString(CultureInfo.InvariantCulture))) : null;
        return (200, FakeYouTubeJson.List("playlistItem", items, max, next));
    }

    private (int, string) Videos(IQueryCollection query)
    {
        var ids = query["id"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
        var items = new JsonArray();
        lock (_lock)
        {
            var all = _uploads.Values.SelectMany(v => v).Where(v => !v.Private).ToDictionary(v => v.Id, StringComparer.Ordinal);
            foreach (var id in ids)
            {
                if (all.GetValueOrDefault(id) is { } video)
                {
                    items.Add(FakeYouTubeJson.Video(video));
                }
            }
        }

        return (200, FakeYouTubeJson.List("video", items, items.Count));
    }

    private static HashSet<string> Parts(IQueryCollection query) =>
        [.. query["part"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
