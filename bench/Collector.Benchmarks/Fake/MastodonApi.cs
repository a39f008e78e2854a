using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Collector.Benchmarks.Fake;

/// <summary>
/// Mastodon instances under path prefixes of one host (<c>/{instance}/api/v1/...</c>, the layout the product's
/// <c>BaseUrlTemplate</c> supports for proxies and tests): account lookup by acct, account by id, and statuses.
/// Shapes follow the Mastodon API entities (mirrors TestKit's FakeMastodon).
/// </summary>
internal static class MastodonApi
{
    public static Task HandleAsync(HttpContext context, RequestCounters counters, DateTimeOffset now)
    {
        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = "3000000";
        headers["X-RateLimit-Remaining"] = "2999999";
        headers["X-RateLimit-Reset"] = now.AddMinutes(5).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

        // "", instance, "api", "v1", "accounts", lookup|id[, "statuses"]
        var parts = context.Request.Path.Value!.Split('/');
        var instance = parts[1];
        if (parts.Length == 6 && parts[5] == "lookup")
        {
            counters.Add(Endpoint.MastodonLookup);
            return AccountAsync(context, instance, Synthetic.FromMastodonAcct(context.Request.Query["acct"].ToString()));
        }

        var n = parts.Length >= 6 ? Synthetic.FromMastodonId(parts[5]) : -1;
        if (parts.Length == 6)
        {
            counters.Add(Endpoint.MastodonAccount);
            return AccountAsync(context, instance, n);
        }

        if (parts.Length == 7 && parts[6] == "statuses" && Belongs(n, instance))
        {
            counters.Add(Endpoint.MastodonStatuses);
            var limit = int.TryParse(context.Request.Query["limit"], CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, 40) : 20;
            return JsonAnswer.WriteAsync(context, 200, json => Statuses(json, n, instance, limit, now));
        }

        counters.Add(Endpoint.Unknown);
        return JsonAnswer.ErrorAsync(context, 404, "error", "Record not found");
    }

    private static bool Belongs(int n, string instance) => n >= 0 && string.Equals(Synthetic.MastodonInstance(n), instance, StringComparison.Ordinal);

    private static Task AccountAsync(HttpContext context, string instance, int n) =>
        Belongs(n, instance)
            ? JsonAnswer.WriteAsync(context, 200, json => Account(json, n, instance))
            : JsonAnswer.ErrorAsync(context, 404, "error", "Record not found");

    private static void Account(Utf8JsonWriter json, int n, string instance)
    {
        var username = Synthetic.XHandle(n);
        json.WriteStartObject();
        json.WriteString("id", Synthetic.MastodonId(n));
        json.WriteString("username", username);
        json.WriteString("acct", username);
        json.WriteString("display_name", "User " + username);
        json.WriteBoolean("locked", false);
        json.WriteBoolean("bot", false);
        json.WriteBoolean("discoverable", true);
        json.WriteBoolean("group", false);
        json.WriteString("created_at", "2022-11-02T00:00:00.000Z");
        json.WriteString("note", "<p>Photographer. Coffee. Posts about light, streets and the people in them.</p>");
        json.WriteString("url", $"https://{instance}/@{username}");
        json.WriteString("uri", $"https://{instance}/users/{username}");
        json.WriteString("avatar", $"https://{instance}/avatars/original/missing.png");
        json.WriteString("header", $"https://{instance}/headers/original/missing.png");
        json.WriteNumber("followers_count", Synthetic.Followers(n));
        json.WriteNumber("following_count", Synthetic.Following(n));
        json.WriteNumber("statuses_count", Synthetic.Posts(n));
        json.WriteString("last_status_at", "2025-03-01");
        json.WriteStartArray("emojis");
        json.WriteEndArray();
        json.WriteStartArray("fields");
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Statuses(Utf8JsonWriter json, int n, string instance, int limit, DateTimeOffset now)
    {
        json.WriteStartArray();
        for (var i = 0; i < limit; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"11{n:D9}{i:D6}");
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteString("created_at", JsonAnswer.Instant(now.AddHours(-6 * (i + 1))));
            json.WriteNull("in_reply_to_id");
            json.WriteNull("in_reply_to_account_id");
            json.WriteBoolean("sensitive", false);
            json.WriteString("spoiler_text", string.Empty);
            json.WriteString("visibility", "public");
            json.WriteString("language", "en");
            json.WriteString("uri", $"https://{instance}/users/{Synthetic.XHandle(n)}/statuses/{id}");
            json.WriteNumber("replies_count", Synthetic.Replies(n, i));
            json.WriteNumber("reblogs_count", Synthetic.Reposts(n, i));
            json.WriteNumber("favourites_count", Synthetic.Likes(n, i));
            json.WriteNumber("quotes_count", 1);
            json.WriteString("content", "<p>A synthetic post with a little text, as long as an ordinary one tends to be.</p>");
            json.WriteNull("reblog");
            json.WriteStartObject("account");
            json.WriteString("id", Synthetic.MastodonId(n));
            json.WriteString("username", Synthetic.XHandle(n));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
