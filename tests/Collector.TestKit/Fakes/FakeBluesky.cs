using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Collector.TestKit.Fakes;

/// <summary>
/// The public Bluesky AppView on loopback, answering from in-memory accounts the way the real one does
/// (platform-apis.md §2): getProfiles silently omits unknown, taken-down and deactivated actors; errors are XRPC
/// bodies with status 400; every answer carries lower-cased <c>ratelimit-*</c> headers from a configurable window,
/// and a spent window answers 429 <c>RateLimitExceeded</c>.
/// </summary>
public sealed partial class FakeBluesky(TimeProvider? clock = null) : FakeHttpServer(clock)
{
    public const string GetProfilesPath = "/xrpc/app.bsky.actor.getProfiles";
    public const string GetProfilePath = "/xrpc/app.bsky.actor.getProfile";
    public const string GetAuthorFeedPath = "/xrpc/app.bsky.feed.getAuthorFeed";

    private readonly Lock _lock = new();
    private readonly Dictionary<string, FakeBlueskyAccount> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FeedEntry>> _feeds = new(StringComparer.Ordinal);

    /// <summary>The AppView's limit is undocumented (platform-apis.md: UNSURE); PDS hosts allow 3000 per 5 minutes.</summary>
    public FakeRateLimitWindow RateLimit { get; } = new(clock ?? TimeProvider.System, 3000, TimeSpan.FromMinutes(5));

    /// <summary>
    /// What getAuthorFeed answers for a taken-down actor. The current AppView says "Profile not found" (it drops
    /// takedowns before the lookup); <c>AccountTakedown</c> is what getProfile says and what older AppViews sent.
    /// </summary>
    public TakedownFeedAnswer TakenDownFeedAnswer { get; set; } = TakedownFeedAnswer.ProfileNotFound;

    public FakeBlueskyAccount AddAccount(FakeBlueskyAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        lock (_lock)
        {
            _accounts[account.Did] = account;
            _feeds.TryAdd(account.Did, []);
        }

        return account;
    }

    /// <summary>Replaces an account (e.g. to change its counters or take it down between calls).</summary>
    public void UpdateAccount(string did, Func<FakeBlueskyAccount, FakeBlueskyAccount> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_lock)
        {
            _accounts[did] = change(_accounts[did]);
        }
    }

    /// <summary>A post (or reply) by <paramref name="authorDid"/>, in that author's feed.</summary>
    public void AddPost(string authorDid, FakeBlueskyPost post) => AddEntry(authorDid, new FeedEntry(authorDid, post, null, post.CreatedAt));

    /// <summary><paramref name="reposterDid"/> reposts <paramref name="authorDid"/>'s post: it shows in the reposter's feed.</summary>
    public void AddRepost(string reposterDid, string authorDid, FakeBlueskyPost post, DateTimeOffset repostedAt) =>
        AddEntry(reposterDid, new FeedEntry(authorDid, post, reposterDid, repostedAt));

    protected override async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var take = RateLimit.TakeOne();
        var headers = context.Response.Headers;
        headers["ratelimit-limit"] = take.Limit.ToString(CultureInfo.InvariantCulture);
        headers["ratelimit-remaining"] = take.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["ratelimit-reset"] = (take.ResetAt.ToUnixTimeMilliseconds() / 1000).ToString(CultureInfo.InvariantCulture);
        headers["ratelimit-policy"] = string.Create(CultureInfo.InvariantCulture, $"{take.Limit};w={(long)RateLimit.Window.TotalSeconds}");
        if (!take.Allowed)
        {
            await WriteJsonAsync(context, 429, FakeBlueskyJson.Error("RateLimitExceeded", "Rate Limit Exceeded"));
            return;
        }

        var (status, json) = context.Request.Path.Value switch
        {
            GetProfilesPath => GetProfiles(context.Request.Query["actors"]),
            GetProfilePath => GetProfile(context.Request.Query["actor"].ToString()),
            GetAuthorFeedPath => GetAuthorFeed(context.Request.Query),
            _ => (501, FakeBlueskyJson.Error("MethodNotImplemented", "Method Not Implemented")),
        };
        await WriteJsonAsync(context, status, json);
    }

    private (int, string) GetProfiles(IReadOnlyList<string?> actors)
    {
        if (actors.Count == 0)
        {
            return InvalidRequest("Error: Params must have the property \"actors\"");
        }

        if (actors.Count > 25)
        {
            return InvalidRequest("Error: actors must not have more than 25 elements");
        }

        var profiles = new JsonArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < actors.Count; i++)
        {
            if (!IsValidActor(actors[i]))
            {
                return InvalidRequest($"Error: actors/{i} must be a valid did or a handle");
            }

            if (Find(actors[i]!) is { TakenDown: false, Deactivated: false } account && seen.Add(account.Did))
            {
                profiles.Add(FakeBlueskyJson.Profile(account));
            }
        }

        return (200, new JsonObject { ["profiles"] = profiles }.ToJsonString());
    }

    private (int, string) GetProfile(string actor) =>
        Find(actor) switch
        {
            null => InvalidRequest("Profile not found"),
            { TakenDown: true } => (400, FakeBlueskyJson.Error("AccountTakedown", "Account has been suspended")),
            { Deactivated: true } => (400, FakeBlueskyJson.Error("AccountDeactivated", "Account is deactivated")),
            var account => (200, FakeBlueskyJson.Profile(account).ToJsonString()),
        };

    private (int, string) GetAuthorFeed(IQueryCollection query)
    {
        var account = Find(query["actor"].ToString());
        if (account is null || account.Deactivated)
        {
            return InvalidRequest("Profile not found");
        }

        if (account.TakenDown)
        {
            return TakenDownFeedAnswer == TakedownFeedAnswer.AccountTakedown
                ? (400, FakeBlueskyJson.Error("AccountTakedown", "Account has been suspended"))
                : InvalidRequest("Profile not found");
        }

        var limit = 50;
        if (query.ContainsKey("limit") && (!int.TryParse(query["limit"], CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 100))
        {
            // The exact lexicon-validation wording is not confirmed (platform-apis.md: UNSURE).
            return InvalidRequest("Error: limit can not be greater than 100");
        }

        var noReplies = string.Equals(query["filter"], "posts_no_replies", StringComparison.Ordinal);
        DateTimeOffset? before = DateTimeOffset.TryParse(query["cursor"], CultureInfo.InvariantCulture, out var c) ? c : null;
        List<FeedEntry> page;
        lock (_lock)
        {
            page = [.. _feeds[account.Did]
                .Where(e => !(noReplies && e.Post.IsReply && e.ReposterDid is null))
                .Where(e => before is null || e.SortKey < before)
                .OrderByDescending(e => e.SortKey)
                .Take(limit + 1)];
        }

        var feed = new JsonArray();
        foreach (var entry in page.Take(limit))
        {
            var reposter = entry.ReposterDid is null ? null : Find(entry.ReposterDid);
            feed.Add(FakeBlueskyJson.FeedItem(Find(entry.AuthorDid)!, entry.Post, reposter, entry.SortKey));
        }

        var body = new JsonObject { ["feed"] = feed };
        if (page.Count > limit)
        {
            // Like the AppView's: timestamp-like, and opaque to clients.
            body["cursor"] = FakeBlueskyJson.Instant(page[limit - 1].SortKey);
        }

        return (200, body.ToJsonString());
    }

    private static (int, string) InvalidRequest(string message) => (400, FakeBlueskyJson.Error("InvalidRequest", message));

    private static bool IsValidActor(string? actor) =>
        actor is not null && (actor.StartsWith("did:", StringComparison.Ordinal) ? DidSyntax().IsMatch(actor) : HandleSyntax().IsMatch(actor));

    private FakeBlueskyAccount? Find(string actor)
    {
        lock (_lock)
        {
            return actor.StartsWith("did:", StringComparison.Ordinal)
                ? _accounts.GetValueOrDefault(actor)
                : _accounts.Values.FirstOrDefault(a => string.Equals(a.Handle, actor, StringComparison.OrdinalIgnoreCase));
        }
    }

    private void AddEntry(string feedOwnerDid, FeedEntry entry)
    {
        lock (_lock)
        {
            if (!_feeds.TryGetValue(feedOwnerDid, out var feed))
            {
                throw new InvalidOperationException($"Add the account {feedOwnerDid} first.");
            }

            feed.Add(entry);
        }
    }

    [GeneratedRegex(@"^did:[a-z]+:[a-zA-Z0-9._:%-]*[a-zA-Z0-9._-]$")]
    private static partial Regex DidSyntax();

    [GeneratedRegex(@"^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$")]
    private static partial Regex HandleSyntax();

    private sealed record FeedEntry(string AuthorDid, FakeBlueskyPost Post, string? ReposterDid, DateTimeOffset SortKey);
}
