using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Collector.TestKit.Fakes;

/// <summary>
/// One instance inside <see cref="FakeMastodon"/>: its accounts and statuses, its own rate-limit window (limits are
/// per instance), and whether it refuses unauthenticated API reads.
/// </summary>
public sealed class FakeMastodonInstance(string name, TimeProvider clock)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, FakeMastodonAccount> _accounts = new(StringComparer.Ordinal);
    private readonly List<Entry> _statuses = [];

    public string Name { get; } = name;

    /// <summary>Rack::Attack's unauthenticated default: 300 requests per 5 minutes per IP.</summary>
    public FakeRateLimitWindow RateLimit { get; } = new(clock, 300, TimeSpan.FromMinutes(5));

    /// <summary><c>DISALLOW_UNAUTHENTICATED_API_ACCESS</c> or limited-federation mode: 401 without a valid token.</summary>
    public bool RequiresAuth { get; set; }

    /// <summary>The one token this instance issued; any other bearer token is answered 401 "invalid".</summary>
    public string? ValidToken { get; set; }

    /// <summary>Answers as a server that ignores <c>exclude_replies</c> and <c>exclude_reblogs</c> (other fediverse software).</summary>
    public bool IgnoresExcludeFilters { get; set; }

    public FakeMastodonAccount AddAccount(FakeMastodonAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        lock (_lock)
        {
            _accounts[account.Id] = account;
        }

        return account;
    }

    public void UpdateAccount(string id, Func<FakeMastodonAccount, FakeMastodonAccount> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_lock)
        {
            _accounts[id] = change(_accounts[id]);
        }
    }

    /// <summary>A status (or, with InReplyToId set, a reply) by <paramref name="authorId"/>.</summary>
    public void AddStatus(string authorId, FakeMastodonStatus status) => Add(new Entry(authorId, status, null));

    /// <summary><paramref name="boosterId"/> boosts <paramref name="original"/> by <paramref name="authorId"/>: a new status wrapping it.</summary>
    public void AddBoost(string boosterId, string boostId, DateTimeOffset at, string authorId, FakeMastodonStatus original) =>
        Add(new Entry(boosterId, new FakeMastodonStatus(boostId, at) { Favourites = 0, Replies = 0, Reblogs = 0, Quotes = 0 }, new Entry(authorId, original, null)));

    internal (int Status, string Json, string? Link) Answer(string path, IQueryCollection query, string? authorization)
    {
        if (CheckAuth(authorization) is { } refused)
        {
            return (401, FakeMastodonJson.Error(refused), null);
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            ["api", "v1", "accounts", "lookup"] => Lookup(query["acct"].ToString()),
            ["api", "v1", "accounts", var id] => ById(id),
            ["api", "v1", "accounts", var id, "statuses"] => Statuses(id, query, path),
            _ => (404, FakeMastodonJson.Error("Record not found"), null),
        };
    }

    private string? CheckAuth(string? authorization)
    {
        if (authorization is null)
        {
            return RequiresAuth ? "This API requires an authenticated user" : null;
        }

        return authorization == $"Bearer {ValidToken}" && ValidToken is not null ? null : "The access token is invalid";
    }

    private (int, string, string?) Lookup(string acct)
    {
        // A lookup of user@this-domain is the local user; any other domain is an account this fake does not know.
        var local = acct.EndsWith("@" + Name, StringComparison.OrdinalIgnoreCase) ? acct[..^(Name.Length + 1)] : acct;
        FakeMastodonAccount? account;
        lock (_lock)
        {
            account = _accounts.Values.FirstOrDefault(a => string.Equals(a.Username, local, StringComparison.OrdinalIgnoreCase));
        }

        return account is null ? NotFound() : (200, FakeMastodonJson.Account(account, Name).ToJsonString(), null);
    }

    private (int, string, string?) ById(string id) =>
        Find(id) is { } account ? (200, FakeMastodonJson.Account(account, Name).ToJsonString(), null) : NotFound();

    private (int, string, string?) Statuses(string id, IQueryCollection query, string path)
    {
        if (Find(id) is not { } account)
        {
            return NotFound();
        }

        var limit = int.TryParse(query["limit"], CultureInfo.InvariantCulture, out var asked) ? Math.Clamp(Math.Abs(asked), 1, 40) : 20;
        long? maxId = long.TryParse(query["max_id"], CultureInfo.InvariantCulture, out var max) ? max : null;
        var noReplies = !IgnoresExcludeFilters && query["exclude_replies"] == "true";
        var noBoosts = !IgnoresExcludeFilters && query["exclude_reblogs"] == "true";
        List<Entry> page;
        lock (_lock)
        {
            // exclude_replies keeps replies to the account's own statuses (threads), as Mastodon does.
            page = [.. _statuses
                .Where(e => e.AuthorId == account.Id && !account.Suspended)
                .Where(e => !(noReplies && e.Status.InReplyToId is not null && e.Status.InReplyToAccountId != account.Id))
                .Where(e => !(noBoosts && e.Boosted is not null))
                .Where(e => maxId is null || long.Parse(e.Status.Id, CultureInfo.InvariantCulture) < maxId)
                .OrderByDescending(e => long.Parse(e.Status.Id, CultureInfo.InvariantCulture))
                .Take(limit)];
        }

        var json = new JsonArray();
        foreach (var entry in page)
        {
            var reblog = entry.Boosted is { } b ? FakeMastodonJson.Status(b.Status, Find(b.AuthorId)!, Name) : null;
            json.Add(FakeMastodonJson.Status(entry.Status, account, Name, reblog));
        }

        var link = page.Count == limit
            ? $"<https://{Name}{path}?limit={limit}&max_id={page[^1].Status.Id}>; rel=\"next\", <https://{Name}{path}?limit={limit}&min_id={page[0].Status.Id}>; rel=\"prev\""
            : null;
        return (200, json.ToJsonString(), link);
    }

    private static (int, string, string?) NotFound() => (404, FakeMastodonJson.Error("Record not found"), null);

    private FakeMastodonAccount? Find(string id)
    {
        lock (_lock)
        {
            return _accounts.GetValueOrDefault(id);
        }
    }

    private void Add(Entry entry)
    {
        lock (_lock)
        {
            if (!_accounts.ContainsKey(entry.AuthorId))
            {
                throw new InvalidOperationException($"Add the account {entry.AuthorId} to {Name} first.");
            }

            _statuses.Add(entry);
        }
    }

    private sealed record Entry(string AuthorId, FakeMastodonStatus Status, Entry? Boosted);
}
