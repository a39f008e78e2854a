using System.Globalization;
using System.Text.Json.Nodes;

namespace Collector.TestKit.Fakes;

/// <summary>
/// JSON in the AppView's shapes (platform-apis.md §2; key order as in the AppView test snapshots):
/// profileViewDetailed, feedViewPost with postView, reasonRepost and reply refs, and XRPC error bodies.
/// </summary>
internal static class FakeBlueskyJson
{
    public static string Error(string error, string message) =>
        new JsonObject { ["error"] = error, ["message"] = message }.ToJsonString();

    public static JsonObject Profile(FakeBlueskyAccount account)
    {
        var json = new JsonObject
        {
            ["did"] = account.Did,
            ["handle"] = account.Handle,
            ["displayName"] = account.DisplayName ?? account.Handle.Split('.')[0],
            ["description"] = "Photographer. Coffee.",
            ["associated"] = new JsonObject { ["lists"] = 0, ["feedgens"] = 0, ["starterPacks"] = 0, ["labeler"] = false },
        };
        AddIfPresent(json, "followersCount", account.Followers);
        AddIfPresent(json, "followsCount", account.Follows);
        AddIfPresent(json, "postsCount", account.Posts);
        json["indexedAt"] = Instant(account.CreatedAt.AddDays(1));
        json["createdAt"] = Instant(account.CreatedAt);
        json["labels"] = new JsonArray();
        return json;
    }

    public static JsonObject FeedItem(FakeBlueskyAccount author, FakeBlueskyPost post, FakeBlueskyAccount? repostedBy, DateTimeOffset? repostedAt)
    {
        var item = new JsonObject { ["post"] = PostView(author, post) };
        if (post.IsReply)
        {
            var parent = NotFoundPost($"at://{author.Did}/app.bsky.feed.post/{post.Rkey}-parent");
            item["reply"] = new JsonObject { ["root"] = parent.DeepClone(), ["parent"] = parent };
        }

        if (repostedBy is not null)
        {
            item["reason"] = new JsonObject
            {
                ["$type"] = "app.bsky.feed.defs#reasonRepost",
                ["by"] = Basic(repostedBy),
                ["indexedAt"] = Instant(repostedAt ?? post.CreatedAt),
            };
        }

        return item;
    }

    public static string Instant(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static JsonObject PostView(FakeBlueskyAccount author, FakeBlueskyPost post)
    {
        var uri = $"at://{author.Did}/app.bsky.feed.post/{post.Rkey}";
        var record = new JsonObject
        {
            ["$type"] = "app.bsky.feed.post",
            ["createdAt"] = Instant(post.CreatedAt),
            ["langs"] = new JsonArray("en"),
            ["text"] = post.Text,
        };
        if (post.IsReply)
        {
            var parentRef = new JsonObject { ["cid"] = Cid(post.Rkey + "-parent"), ["uri"] = uri + "-parent" };
            record["reply"] = new JsonObject { ["root"] = parentRef.DeepClone(), ["parent"] = parentRef };
        }

        var json = new JsonObject
        {
            ["uri"] = uri,
            ["cid"] = Cid(post.Rkey),
            ["author"] = Basic(author),
            ["record"] = record,
            ["bookmarkCount"] = 0,
        };
        AddIfPresent(json, "replyCount", post.Replies);
        AddIfPresent(json, "repostCount", post.Reposts);
        AddIfPresent(json, "likeCount", post.Likes);
        AddIfPresent(json, "quoteCount", post.Quotes);
        json["indexedAt"] = Instant(post.CreatedAt.AddSeconds(1));
        json["labels"] = new JsonArray();
        return json;
    }

    private static JsonObject Basic(FakeBlueskyAccount account) => new()
    {
        ["did"] = account.Did,
        ["handle"] = account.Handle,
        ["displayName"] = account.DisplayName ?? account.Handle.Split('.')[0],
        ["labels"] = new JsonArray(),
        ["createdAt"] = Instant(account.CreatedAt),
    };

    private static JsonObject NotFoundPost(string uri) => new()
    {
        ["$type"] = "app.bsky.feed.defs#notFoundPost",
        ["uri"] = uri,
        ["notFound"] = true,
    };

    private static string Cid(string seed) =>
        "bafyrei" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed)))[..52];

    private static void AddIfPresent(JsonObject json, string name, long? value)
    {
        if (value is { } v)
        {
            json[name] = v;
        }
    }
}
