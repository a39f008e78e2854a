using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Collector.TestKit.Fakes;

/// <summary>
/// The X API v2 on loopback, answering from in-memory users the way the real one does (platform-apis.md §1): a bearer
/// token is required (401 Problem body otherwise); unknown and suspended users are problems in <c>errors[]</c> of an
/// HTTP 200; a protected user's timeline is not authorized; a timeline without posts has no <c>data</c> key; only the
/// requested fields are sent; every answer carries <c>x-rate-limit-*</c> headers (reset in epoch seconds) from one
/// window per endpoint, and a spent window answers 429.
/// </summary>
public sealed partial class FakeX(TimeProvider? clock = null) : FakeHttpServer(clock)
{
    public const string UsersByPath = "/2/users/by";
    public const string UsersPath = "/2/users";
    public const string DefaultBearerToken = "AAAAAAAAAAAAAAAAAAAAAFakeXBearerToken%3Dfake";

    private static readonly HashSet<string> KnownUserFields = new(StringComparer.Ordinal)
    {
        "affiliation", "connection_status", "created_at", "description", "entities", "id", "location", "most_recent_tweet_id",
        "name", "pinned_tweet_id", "profile_image_url", "protected", "public_metrics", "url", "username", "verified",
        "verified_type", "withheld",
    };

    private static readonly HashSet<string> KnownTweetFields = new(StringComparer.Ordinal)
    {
        "attachments", "author_id", "context_annotations", "conversation_id", "created_at", "edit_controls",
        "edit_history_tweet_ids", "entities", "geo", "id", "in_reply_to_user_id", "lang", "possibly_sensitive",
        "public_metrics", "referenced_tweets", "reply_settings", "source", "text", "withheld",
    };

    private readonly Lock _lock = new();
    private readonly Dictionary<string, FakeXAccount> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FakeXPost>> _posts = new(StringComparer.Ordinal);

    /// <summary>The only token the fake accepts (<c>Authorization: Bearer …</c>).</summary>
    public string BearerToken { get; set; } = DefaultBearerToken;

    /// <summary>Emit <c>post_count</c>/<c>repost_count</c> (OpenAPI 2.167 names) instead of <c>tweet_count</c>/<c>retweet_count</c>.</summary>
    public bool UsePostNames { get; set; }

    /// <summary>Problem type URIs: older bodies use api.twitter.com, newer docs api.x.com.</summary>
    public string ProblemTypeBase { get; set; } = "https://api.twitter.com/2/problems/";

    /// <summary><c>GET /2/users/by</c>: 300 per 15 minutes per app.</summary>
    public FakeRateLimitWindow UsersByRateLimit { get; } = new(clock ?? TimeProvider.System, 300, TimeSpan.FromMinutes(15));

    /// <summary><c>GET /2/users</c>: 300 per 15 minutes per app.</summary>
    public FakeRateLimitWindow UsersRateLimit { get; } = new(clock ?? TimeProvider.System, 300, TimeSpan.FromMinutes(15));

    /// <summary><c>GET /2/users/:id/tweets</c>: 10,000 per 15 minutes per app.</summary>
    public FakeRateLimitWindow TimelineRateLimit { get; } = new(clock ?? TimeProvider.System, 10_000, TimeSpan.FromMinutes(15));

    public static string TimelinePath(string userId) => $"/2/users/{userId}/tweets";

    public FakeXAccount AddAccount(FakeXAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        lock (_lock)
        {
            _accounts[account.Id] = account;
            _posts.TryAdd(account.Id, []);
        }

        return account;
    }

    /// <summary>Replaces a user (a rename, new counters, a suspension) between calls.</summary>
    public void UpdateAccount(string id, Func<FakeXAccount, FakeXAccount> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_lock)
        {
            _accounts[id] = change(_accounts[id]);
        }
    }

    public void AddPost(string userId, FakeXPost post)
    {
        lock (_lock)
        {
            if (!_posts.TryGetValue(userId, out var posts))
            {
                throw new InvalidOperationException($"Add the account {userId} first.");
            }

            posts.Add(post);
        }
    }

    protected override async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!string.Equals(context.Request.Headers.Authorization.ToString(), "Bearer " + BearerToken, StringComparison.Ordinal))
        {
            await WriteJsonAsync(context, 401, FakeXJson.UnauthorizedBody);
            return;
        }

        var path = context.Request.Path.Value ?? "/";
        var timeline = TimelinePattern().Match(path);
        var window = path switch
        {
            UsersByPath => UsersByRateLimit,
            UsersPath => UsersRateLimit,
            _ when timeline.Success => TimelineRateLimit,
            _ => null,
        };
        if (window is null)
        {
            await WriteJsonAsync(context, 404, $$"""{"errors":[{"message":"Sorry, that page does not exist","code":34}]}""");
            return;
        }

        var take = window.TakeOne();
        var headers = context.Response.Headers;
        headers["x-rate-limit-limit"] = take.Limit.ToString(CultureInfo.InvariantCulture);
        headers["x-rate-limit-remaining"] = take.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["x-rate-limit-reset"] = take.ResetAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        if (!take.Allowed)
        {
            await WriteJsonAsync(context, 429, FakeXJson.TooManyRequestsBody);
            return;
        }

        var query = context.Request.Query;
        var (status, json) = timeline.Success
            ? Timeline(timeline.Groups[1].Value, query)
            : Users(path == UsersByPath ? "usernames" : "ids", query);
        await WriteJsonAsync(context, status, json);
    }

    private (int, string) Users(string parameter, IQueryCollection query)
    {
        var raw = query[parameter].ToString();
        var values = raw.Length == 0 ? [] : raw.Split(',');
        if (values.Length is < 1 or > 100)
        {
            return Invalid(parameter, raw, $"size [{values.Length}] is not between 1 and 100");
        }

        var pattern = parameter == "usernames" ? UsernamePattern() : IdPattern();
        if (values.FirstOrDefault(v => !pattern.IsMatch(v)) is { } bad)
        {
            return Invalid(parameter, bad, $"The `{parameter}` query parameter value [{bad}] does not match {pattern}");
        }

        if (!TryFields(query, "user.fields", KnownUserFields, out var fields, out var error))
        {
            return error;
        }

        var data = new JsonArray();
        var errors = new JsonArray();
        foreach (var value in values)
        {
            var account = parameter == "usernames" ? FindByUsername(value) : FindById(value);
            if (account is null)
            {
                errors.Add(FakeXJson.NotFound(ProblemTypeBase, parameter, value));
            }
            else if (account.Suspended)
            {
                errors.Add(FakeXJson.Suspended(ProblemTypeBase, parameter, value));
            }
            else
            {
                data.Add(FakeXJson.User(account, fields, UsePostNames));
            }
        }

        return (200, Body(data, errors, meta: null));
    }

    private (int, string) Timeline(string userId, IQueryCollection query)
    {
        var account = FindById(userId);
        if (account is null || account.Suspended || account.Protected)
        {
            var problem = account switch
            {
                null => FakeXJson.NotFound(ProblemTypeBase, "id", userId),
                { Suspended: true } => FakeXJson.Suspended(ProblemTypeBase, "id", userId),
                _ => FakeXJson.NotAuthorized(ProblemTypeBase, userId),
            };
            return (200, Body([], [problem], meta: null));
        }

        var max = 10;
        if (query.ContainsKey("max_results") && (!int.TryParse(query["max_results"], CultureInfo.InvariantCulture, out max) || max is < 5 or > 100))
        {
            return Invalid("max_results", query["max_results"].ToString(), $"The `max_results` query parameter value [{query["max_results"]}] is not between 5 and 100");
        }

        var excluded = query["exclude"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (excluded.FirstOrDefault(e => e is not ("replies" or "retweets")) is { } unknown)
        {
            return Invalid("exclude", unknown, $"The `exclude` query parameter value [{unknown}] is not one of [replies,retweets]");
        }

        if (!TryFields(query, "tweet.fields", KnownTweetFields, out var fields, out var error))
        {
            return error;
        }

        var offset = 0;
        if (query["pagination_token"].ToString() is { Length: > 0 } token && !TryReadToken(token, out offset))
        {
            return Invalid("pagination_token", token, $"The `pagination_token` query parameter value [{token}] is not valid");
        }

        List<FakeXPost> page;
        int total;
        lock (_lock)
        {
            var visible = _posts[userId]
                .Where(p => !(p.IsReply && excluded.Contains("replies")) && !(p.IsRetweet && excluded.Contains("retweets")))
                .OrderByDescending(p => p.CreatedAt)
                .ToList();
            total = visible.Count;
            page = [.. visible.Skip(offset).Take(max)];
        }

        var data = new JsonArray([.. page.Select(p => (JsonNode)FakeXJson.Post(p, fields, UsePostNames))]);
        var meta = new JsonObject { ["result_count"] = page.Count };
        if (page.Count > 0)
        {
            meta["newest_id"] = page[0].Id;
            meta["oldest_id"] = page[^1].Id;
        }

        if (offset + page.Count < total)
        {
            meta["next_token"] = Token(offset + page.Count);
        }

        return (200, Body(data, [], meta));
    }

    /// <summary><c>data</c> and <c>errors</c> only when non-empty: X sends no <c>data</c> key rather than an empty array.</summary>
    private static string Body(JsonArray data, JsonArray errors, JsonObject? meta)
    {
        var body = new JsonObject();
        if (data.Count > 0)
        {
            body["data"] = data;
        }

        if (errors.Count > 0)
        {
            body["errors"] = errors;
        }

        if (meta is not null)
        {
            body["meta"] = meta;
        }

        return body.ToJsonString();
    }

    private bool TryFields(IQueryCollection query, string name, HashSet<string> known, out IReadOnlySet<string> fields, out (int, string) error)
    {
        var requested = query[name].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
        fields = requested.ToHashSet(StringComparer.Ordinal);
        error = default;
        if (requested.FirstOrDefault(f => !known.Contains(f)) is { } unknown)
        {
            error = Invalid(name, unknown, $"The `{name}` query parameter value [{unknown}] is not one of [{string.Join(',', known.Order(StringComparer.Ordinal))}]");
            return false;
        }

        return true;
    }

    private (int, string) Invalid(string parameter, string value, string message) =>
        (400, FakeXJson.InvalidRequest(ProblemTypeBase, parameter, value, message));

    private FakeXAccount? FindById(string id)
    {
        lock (_lock)
        {
            return _accounts.GetValueOrDefault(id);
        }
    }

    private FakeXAccount? FindByUsername(string username)
    {
        lock (_lock)
        {
            return _accounts.Values.FirstOrDefault(a => string.Equals(a.Username, username, StringComparison.OrdinalIgnoreCase));
        }
    }

    // Opaque to clients, like X's ("7140dibdnow9c7btw4232poeq0wapgnwgwqwvuwn3peex").
    private static string Token(int offset) => "7140dib" + offset.ToString("D6", CultureInfo.InvariantCulture);

    private static bool TryReadToken(string token, out int offset)
    {
        offset = 0;
        return token.StartsWith("7140dib", StringComparison.Ordinal)
            && int.TryParse(token.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
    }

    [GeneratedRegex("^/2/users/([^/]+)/tweets$")]
    private static partial Regex TimelinePattern();

    [GeneratedRegex("^[A-Za-z0-9_]{1,15}$")]
    private static partial Regex UsernamePattern();

    [GeneratedRegex("^[0-9]{1,19}$")]
    private static partial Regex IdPattern();
}
