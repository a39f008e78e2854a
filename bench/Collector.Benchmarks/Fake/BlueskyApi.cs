using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Collector.Benchmarks.Fake;

/// <summary>
/// The public AppView's three endpoints the product and the naive client use, in the shapes of platform-apis.md §2
/// (mirrors tests/Collector.TestKit/Fakes/FakeBluesky, without its per-request recording and linear lookups).
/// </summary>
internal static class BlueskyApi
{
    private const int MaxActors = 25;

    public static Task HandleAsync(HttpContext context, RequestCounters counters, DateTimeOffset now)
    {
        var headers = context.Response.Headers;
        headers["ratelimit-limit"] = "3000000";
        headers["ratelimit-remaining"] = "2999999";
        headers["ratelimit-reset"] = (now.ToUnixTimeSeconds() + 300).ToString(CultureInfo.InvariantCulture);
        headers["ratelimit-policy"] = "3000000;w=300";

        var query = context.Request.Query;
        switch (context.Request.Path.Value)
        {
            case "/xrpc/app.bsky.actor.getProfiles":
                counters.Add(Endpoint.BlueskyGetProfiles);
                var actors = query["actors"];
                if (actors.Count is 0 or > MaxActors)
                {
                    return JsonAnswer.WriteAsync(context, 400, json => Error(json, "InvalidRequest", "actors must have 1 to 25 elements"));
                }

                return JsonAnswer.WriteAsync(context, 200, json => Profiles(
                    json, actors.Select(static a => Synthetic.FromBlueskyActor(a ?? string.Empty)).Where(static n => n >= 0)));

            case "/xrpc/app.bsky.actor.getProfile":
                counters.Add(Endpoint.BlueskyGetProfile);
                return Synthetic.FromBlueskyActor(query["actor"].ToString()) is var one and >= 0
                    ? JsonAnswer.WriteAsync(context, 200, json => Profile(json, one))
                    : JsonAnswer.WriteAsync(context, 400, json => Error(json, "InvalidRequest", "Profile not found"));

            case "/xrpc/app.bsky.feed.getAuthorFeed":
                counters.Add(Endpoint.BlueskyAuthorFeed);
                var author = Synthetic.FromBlueskyActor(query["actor"].ToString());
                var limit = int.TryParse(query["limit"], CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, 100) : 50;
                return author < 0
                    ? JsonAnswer.WriteAsync(context, 400, json => Error(json, "InvalidRequest", "Profile not found"))
                    : JsonAnswer.WriteAsync(context, 200, json => Feed(json, author, limit, now));

            default:
                counters.Add(Endpoint.Unknown);
                return JsonAnswer.WriteAsync(context, 501, json => Error(json, "MethodNotImplemented", "Method Not Implemented"));
        }
    }

    /// <summary>A getProfiles answer (also the input of the parsing micro-benchmark).</summary>
    public static void Profiles(Utf8JsonWriter json, IEnumerable<int> accounts)
    {
        json.WriteStartObject();
        json.WriteStartArray("profiles");
        foreach (var n in accounts)
        {
            Profile(json, n);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Profile(Utf8JsonWriter json, int n)
    {
        var handle = Synthetic.BlueskyHandle(n);
        json.WriteStartObject();
        json.WriteString("did", Synthetic.BlueskyDid(n));
        json.WriteString("handle", handle);
        json.WriteString("displayName", handle[..handle.IndexOf('.', StringComparison.Ordinal)]);
        json.WriteString("description", "Photographer. Coffee. Posts about light, streets and the people in them.");
        json.WriteStartObject("associated");
        json.WriteNumber("lists", 0);
        json.WriteNumber("feedgens", 0);
        json.WriteNumber("starterPacks", 0);
        json.WriteBoolean("labeler", false);
        json.WriteEndObject();
        json.WriteNumber("followersCount", Synthetic.Followers(n));
        json.WriteNumber("followsCount", Synthetic.Following(n));
        json.WriteNumber("postsCount", Synthetic.Posts(n));
        json.WriteString("indexedAt", "2023-05-03T17:40:12.087Z");
        json.WriteString("createdAt", "2023-05-02T17:40:12.087Z");
        json.WriteStartArray("labels");
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Feed(Utf8JsonWriter json, int n, int limit, DateTimeOffset now)
    {
        var did = Synthetic.BlueskyDid(n);
        json.WriteStartObject();
        json.WriteStartArray("feed");
        for (var i = 0; i < limit; i++)
        {
            var at = JsonAnswer.Instant(now.AddHours(-6 * (i + 1)));
            json.WriteStartObject();
            json.WriteStartObject("post");
            json.WriteString("uri", string.Create(CultureInfo.InvariantCulture, $"at://{did}/app.bsky.feed.post/3k{i:D11}"));
            json.WriteString("cid", "bafyreibenchbenchbenchbenchbenchbenchbenchbenchbenchbench");
            json.WriteStartObject("author");
            json.WriteString("did", did);
            json.WriteString("handle", Synthetic.BlueskyHandle(n));
            json.WriteEndObject();
            json.WriteStartObject("record");
            json.WriteString("$type", "app.bsky.feed.post");
            json.WriteString("createdAt", at);
            json.WriteString("text", "A synthetic post with a little text, as long as an ordinary one tends to be.");
            json.WriteEndObject();
            json.WriteNumber("replyCount", Synthetic.Replies(n, i));
            json.WriteNumber("repostCount", Synthetic.Reposts(n, i));
            json.WriteNumber("likeCount", Synthetic.Likes(n, i));
            json.WriteNumber("quoteCount", 1);
            json.WriteString("indexedAt", at);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("cursor", JsonAnswer.Instant(now.AddHours(-6 * limit)));
        json.WriteEndObject();
    }

    private static void Error(Utf8JsonWriter json, string error, string message)
    {
        json.WriteStartObject();
        json.WriteString("error", error);
        json.WriteString("message", message);
        json.WriteEndObject();
    }
}
