using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Collector.Benchmarks.Fake;

/// <summary>
/// The X API v2 user lookups and timeline in the shapes of platform-apis.md §1 (mirrors TestKit's FakeX): users by
/// username or id, 100 per request, a single user by id for the naive client, and the user timeline.
/// </summary>
internal static class XApi
{
    public const string BearerToken = "bench-x-token";
    private const int MaxUsers = 100;

    public static Task HandleAsync(HttpContext context, RequestCounters counters, DateTimeOffset now)
    {
        if (!string.Equals(context.Request.Headers.Authorization.ToString(), "Bearer " + BearerToken, StringComparison.Ordinal))
        {
            counters.Add(Endpoint.Unknown);
            return JsonAnswer.WriteAsync(context, 401, static json => Problem(json, "Unauthorized", 401));
        }

        var headers = context.Response.Headers;
        headers["x-rate-limit-limit"] = "3000000";
        headers["x-rate-limit-remaining"] = "2999999";
        headers["x-rate-limit-reset"] = (now.ToUnixTimeSeconds() + 900).ToString(CultureInfo.InvariantCulture);

        var path = context.Request.Path.Value!;
        var query = context.Request.Query;
        if (path == "/2/users/by")
        {
            counters.Add(Endpoint.XUsersBy);
            return UsersAsync(context, query["usernames"].ToString(), Synthetic.FromXUsername);
        }

        if (path == "/2/users")
        {
            counters.Add(Endpoint.XUsers);
            return UsersAsync(context, query["ids"].ToString(), Synthetic.FromXId);
        }

        var rest = path.AsSpan("/2/users/".Length);
        var slash = rest.IndexOf('/');
        var n = Synthetic.FromXId((slash < 0 ? rest : rest[..slash]).ToString());
        if (slash < 0)
        {
            counters.Add(Endpoint.XUser);
            return n < 0
                ? JsonAnswer.WriteAsync(context, 200, static json => Problem(json, "Not Found Error", 200))
                : JsonAnswer.WriteAsync(context, 200, json =>
                {
                    json.WriteStartObject();
                    json.WritePropertyName("data");
                    User(json, n);
                    json.WriteEndObject();
                });
        }

        counters.Add(Endpoint.XTimeline);
        var max = int.TryParse(query["max_results"], CultureInfo.InvariantCulture, out var m) ? Math.Clamp(m, 5, 100) : 10;
        return JsonAnswer.WriteAsync(context, 200, json => Timeline(json, n, max, now));
    }

    private static Task UsersAsync(HttpContext context, string raw, Func<string, int> parse)
    {
        var values = raw.Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (values.Length is 0 or > MaxUsers)
        {
            return JsonAnswer.WriteAsync(context, 400, static json => Problem(json, "Invalid Request", 400));
        }

        return JsonAnswer.WriteAsync(context, 200, json => Users(json, values.Select(parse).Where(static n => n >= 0)));
    }

    /// <summary>A users lookup answer (also the input of the parsing micro-benchmark).</summary>
    public static void Users(Utf8JsonWriter json, IEnumerable<int> accounts)
    {
        json.WriteStartObject();
        json.WriteStartArray("data");
        foreach (var n in accounts)
        {
            User(json, n);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void User(Utf8JsonWriter json, int n)
    {
        json.WriteStartObject();
        json.WriteString("id", Synthetic.XId(n));
        json.WriteString("name", "User " + Synthetic.XHandle(n));
        json.WriteString("username", Synthetic.XHandle(n));
        json.WriteString("created_at", "2013-12-14T04:35:55.000Z");
        json.WriteBoolean("protected", false);
        json.WriteStartObject("public_metrics");
        json.WriteNumber("followers_count", Synthetic.Followers(n));
        json.WriteNumber("following_count", Synthetic.Following(n));
        json.WriteNumber("tweet_count", Synthetic.Posts(n));
        json.WriteNumber("listed_count", 3);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Timeline(Utf8JsonWriter json, int n, int max, DateTimeOffset now)
    {
        json.WriteStartObject();
        json.WriteStartArray("data");
        for (var i = 0; i < max; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"18{n:D9}{i:D6}");
            json.WriteStartObject();
            json.WriteStartArray("edit_history_tweet_ids");
            json.WriteStringValue(id);
            json.WriteEndArray();
            json.WriteString("id", id);
            json.WriteString("text", "A synthetic post with a little text, as long as an ordinary one tends to be.");
            json.WriteString("created_at", JsonAnswer.Instant(now.AddHours(-6 * (i + 1))));
            json.WriteStartObject("public_metrics");
            json.WriteNumber("retweet_count", Synthetic.Reposts(n, i));
            json.WriteNumber("reply_count", Synthetic.Replies(n, i));
            json.WriteNumber("like_count", Synthetic.Likes(n, i));
            json.WriteNumber("quote_count", 1);
            json.WriteNumber("bookmark_count", 0);
            json.WriteNumber("impression_count", 100 * Synthetic.Likes(n, i));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("meta");
        json.WriteNumber("result_count", max);
        json.WriteString("next_token", "7140dib000100");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Problem(Utf8JsonWriter json, string title, int status)
    {
        json.WriteStartObject();
        json.WriteString("title", title);
        json.WriteString("type", "about:blank");
        json.WriteNumber("status", status);
        json.WriteString("detail", title);
        json.WriteEndObject();
    }
}
