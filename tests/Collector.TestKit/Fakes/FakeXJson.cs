using System.Globalization;
using System.Text.Json.Nodes;

namespace Collector.TestKit.Fakes;

/// <summary>
/// JSON in the X API v2 shapes (platform-apis.md §1): user and post objects with only the requested fields, per-resource
/// problems for <c>errors[]</c>, and the Problem bodies of 400, 401 and 429 answers.
/// </summary>
internal static class FakeXJson
{
    public const string UnauthorizedBody = """{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}""";

    public const string TooManyRequestsBody = """{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}""";

    public static JsonObject User(FakeXAccount account, IReadOnlySet<string> fields, bool postNames)
    {
        var json = new JsonObject
        {
            ["id"] = account.Id,
            ["name"] = account.Name ?? account.Username,
            ["username"] = account.Username,
        };
        if (fields.Contains("created_at"))
        {
            json["created_at"] = Instant(account.CreatedAt);
        }

        if (fields.Contains("protected"))
        {
            json["protected"] = account.Protected;
        }

        if (fields.Contains("public_metrics"))
        {
            var metrics = new JsonObject();
            AddIfPresent(metrics, "followers_count", account.Followers);
            AddIfPresent(metrics, "following_count", account.Following);
            AddIfPresent(metrics, postNames ? "post_count" : "tweet_count", account.Tweets);
            AddIfPresent(metrics, "listed_count", account.Listed);
            json["public_metrics"] = metrics;
        }

        return json;
    }

    public static JsonObject Post(FakeXPost post, IReadOnlySet<string> fields, bool postNames)
    {
        // Key order as in the recorded timeline: edit history first.
        var json = new JsonObject
        {
            ["edit_history_tweet_ids"] = new JsonArray(post.Id),
            ["id"] = post.Id,
            ["text"] = post.Text,
        };
        if (fields.Contains("created_at"))
        {
            json["created_at"] = Instant(post.CreatedAt);
        }

        if (fields.Contains("public_metrics"))
        {
            var metrics = new JsonObject();
            AddIfPresent(metrics, postNames ? "repost_count" : "retweet_count", post.Retweets);
            AddIfPresent(metrics, "reply_count", post.Replies);
            AddIfPresent(metrics, "like_count", post.Likes);
            AddIfPresent(metrics, "quote_count", post.Quotes);
            AddIfPresent(metrics, "bookmark_count", post.Bookmarks);
            AddIfPresent(metrics, "impression_count", post.Impressions);
            json["public_metrics"] = metrics;
        }

        return json;
    }

    /// <summary>"Could not find user with usernames: [x]." (recorded 2020, Postman collection).</summary>
    public static JsonObject NotFound(string typeBase, string parameter, string value) => new()
    {
        ["value"] = value,
        ["detail"] = $"Could not find user with {parameter}: [{value}].",
        ["title"] = "Not Found Error",
        ["resource_type"] = "user",
        ["parameter"] = parameter,
        ["resource_id"] = value,
        ["type"] = typeBase + "resource-not-found",
    };

    /// <summary>Suspended: title "Forbidden" but type resource-not-found (third-party fixtures).</summary>
    public static JsonObject Suspended(string typeBase, string parameter, string value) => new()
    {
        ["parameter"] = parameter,
        ["resource_id"] = value,
        ["value"] = value,
        ["detail"] = $"User has been suspended: [{value}].",
        ["title"] = "Forbidden",
        ["resource_type"] = "user",
        ["type"] = typeBase + "resource-not-found",
    };

    /// <summary>A protected user's timeline read with an app-only token (third-party capture).</summary>
    public static JsonObject NotAuthorized(string typeBase, string userId) => new()
    {
        ["detail"] = $"Sorry, you are not authorized to see the user with id: [{userId}].",
        ["parameter"] = "id",
        ["resource_id"] = userId,
        ["resource_type"] = "user",
        ["section"] = "data",
        ["title"] = "Authorization Error",
        ["type"] = typeBase + "not-authorized-for-resource",
        ["value"] = userId,
    };

    /// <summary>A 400 "Invalid Request" (recorded 2020 for 110 usernames).</summary>
    public static string InvalidRequest(string typeBase, string parameter, string value, string message) => new JsonObject
    {
        ["errors"] = new JsonArray(new JsonObject
        {
            ["parameters"] = new JsonObject { [parameter] = new JsonArray(value) },
            ["message"] = message,
        }),
        ["title"] = "Invalid Request",
        ["detail"] = "One or more parameters to your request was invalid.",
        ["type"] = typeBase + "invalid-request",
    }.ToJsonString();

    public static string Instant(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void AddIfPresent(JsonObject json, string name, long? value)
    {
        if (value is { } v)
        {
            json[name] = v;
        }
    }
}
