using System.Globalization;
using System.Text.Json.Nodes;

namespace Collector.TestKit.Fakes;

/// <summary>JSON in Mastodon's entity shapes (platform-apis.md §3, the docs' Account and Status examples).</summary>
internal static class FakeMastodonJson
{
    public static string Error(string error) => new JsonObject { ["error"] = error }.ToJsonString();

    public static JsonObject Account(FakeMastodonAccount account, string instance)
    {
        var json = new JsonObject
        {
            ["id"] = account.Id,
            ["username"] = account.Username,
            ["acct"] = account.Username,
            ["display_name"] = account.DisplayName ?? account.Username,
            ["locked"] = false,
            ["bot"] = false,
            ["created_at"] = Instant(account.CreatedAt),
            ["note"] = "<p>Developer of Mastodon.</p>",
            ["url"] = $"https://{instance}/@{account.Username}",
            ["avatar"] = $"https://files.{instance}/accounts/avatars/{account.Id}/original/a.jpg",
            ["followers_count"] = account.Suspended ? 0 : account.Followers,
            ["following_count"] = account.Suspended ? 0 : account.Following,
            ["statuses_count"] = account.Suspended ? 0 : account.Statuses,
            ["last_status_at"] = account.Suspended ? null : "2019-11-30",
            ["emojis"] = new JsonArray(),
            ["fields"] = new JsonArray(),
        };
        if (account.Suspended)
        {
            json["suspended"] = true;
        }

        return json;
    }

    public static JsonObject Status(FakeMastodonStatus status, FakeMastodonAccount author, string instance, JsonObject? reblog = null)
    {
        var json = new JsonObject
        {
            ["id"] = status.Id,
            ["created_at"] = Instant(status.CreatedAt),
            ["in_reply_to_id"] = status.InReplyToId,
            ["in_reply_to_account_id"] = status.InReplyToAccountId,
            ["visibility"] = "public",
            ["url"] = $"https://{instance}/@{author.Username}/{status.Id}",
            ["replies_count"] = status.Replies,
            ["reblogs_count"] = status.Reblogs,
        };
        if (status.Favourites is { } favourites)
        {
            json["favourites_count"] = favourites;
        }

        if (status.Quotes is { } quotes)
        {
            json["quotes_count"] = quotes;
        }

        json["content"] = reblog is null ? status.Content : string.Empty;
        json["reblog"] = reblog;
        json["account"] = new JsonObject
        {
            ["id"] = author.Id,
            ["username"] = author.Username,
            ["acct"] = author.Username,
            ["followers_count"] = author.Followers,
        };
        return json;
    }

    /// <summary>Ruby's <c>iso8601(6)</c>, as in <c>X-RateLimit-Reset</c>.</summary>
    public static string ResetInstant(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
