using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Collector.Core.Metrics;
using Collector.Core.Platforms;
using Collector.Platforms.Http;
using Microsoft.Extensions.Options;

namespace Collector.Platforms.Mastodon;

/// <summary>
/// Mastodon, each account read from its home instance (a lookup elsewhere only finds what that instance happens to
/// know, with instance-local counts). One account per request: <c>GET /api/v1/accounts?id[]=</c> would batch, but it
/// exists only from 4.3 on, its maximum is undocumented, and a batch would have to be split per instance anyway, so
/// it would save little and fail on older servers. Every failure is scoped to its instance, so a rate-limited or
/// token-requiring instance does not stop the round for the others.
/// </summary>
internal sealed class MastodonClient(HttpClient http, IOptions<MastodonOptions> options, TimeProvider time) : IPlatformClient
{
    /// <summary>The statuses endpoint's <c>limit</c> maximum (docs: default 20, max 40).</summary>
    public const int MaxStatusesLimit = 40;

    // Replies and boosts are excluded by the server already; a few pages cover any sensible engagement sample.
    private const int MaxStatusPages = 5;

    private readonly MastodonOptions _options = options.Value;
    private readonly PlatformApi _api = new(http, HttpProfile, options.Value, time);

    /// <summary>
    /// Rate limits are per instance, so the gate key is the instance root: everything before <c>/api/</c>. That is
    /// <c>mastodon:mastodon.social</c> in production, and still one key per instance when a proxy or a test serves
    /// several instances under path prefixes of one host.
    /// </summary>
    public static PlatformHttpProfile HttpProfile { get; } =
        new(PlatformKeys.Mastodon, RateLimitDialect.Mastodon, new MastodonErrorBodyReader(), GateKey);

    public string Platform => PlatformKeys.Mastodon;

    public PlatformCapabilities Capabilities { get; } = new(
        ResolveBatchSize: 1,
        ProfileBatchSize: 1,
        MaxPostsPerRequest: MaxStatusesLimit,
        HasViews: false,
        NeedsCredential: false);

    public bool IsConfigured => true;

    public async Task<IReadOnlyList<ProfileOutcome>> ResolveAsync(IReadOnlyList<string> handles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handles);
        var outcomes = new List<ProfileOutcome>(handles.Count);
        foreach (var handle in handles)
        {
            if (MastodonAddress.Parse(handle) is not { } address)
            {
                outcomes.Add(Invalid(handle, "user@instance handle"));
                continue;
            }

            var uri = new UrlBuilder("api/v1/accounts/lookup").Add("acct", address.Local).ToString();
            outcomes.Add(await FetchAccountAsync(handle, address.Instance, uri, cancellationToken));
        }

        return outcomes;
    }

    public async Task<IReadOnlyList<ProfileOutcome>> GetProfilesAsync(IReadOnlyList<string> platformIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(platformIds);
        var outcomes = new List<ProfileOutcome>(platformIds.Count);
        foreach (var platformId in platformIds)
        {
            if (MastodonAddress.Parse(platformId) is not { } address)
            {
                outcomes.Add(Invalid(platformId, "id@instance account id"));
                continue;
            }

            var uri = "api/v1/accounts/" + Uri.EscapeDataString(address.Local);
            outcomes.Add(await FetchAccountAsync(platformId, address.Instance, uri, cancellationToken));
        }

        return outcomes;
    }

    public async Task<PostsOutcome> GetRecentPostsAsync(ProfileMetrics profile, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (count <= 0)
        {
            return PostsOutcome.Empty;
        }

        if (MastodonAddress.Parse(profile.PlatformId) is not { } address)
        {
            return new PostsOutcome([], new PlatformError(
                PlatformErrorKind.InvalidResponse, $"mastodon: '{SafeText.Clip(profile.PlatformId, 80)}' is not an id@instance account id"));
        }

        var limit = Math.Min(count, MaxStatusesLimit);
        var posts = new List<PostMetrics>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? maxId = null;
        for (var page = 0; page < MaxStatusPages && posts.Count < count; page++)
        {
            var uri = new UrlBuilder($"api/v1/accounts/{Uri.EscapeDataString(address.Local)}/statuses")
                .Add("exclude_replies", "true")
                .Add("exclude_reblogs", "true")
                .Add("limit", limit)
                .AddIfPresent("max_id", maxId)
                .ToString();
            var response = await GetAsync(address.Instance, uri, MastodonJsonContext.Default.IReadOnlyListStatus, cancellationToken);
            if (response.Error is { } failure)
            {
                return failure.Error.IsAccountLevel ? new PostsOutcome([], failure.Error) : throw new PlatformException(failure.Error);
            }

            var statuses = response.Value!;
            foreach (var status in statuses)
            {
                if (posts.Count < count && IsOriginal(status) && seen.Add(status.Id))
                {
                    posts.Add(ToPostMetrics(status, address.Instance));
                }
            }

            // A short page is the last one (the server only links a next page when the page is full).
            if (statuses.Count < limit)
            {
                break;
            }

            maxId = statuses[^1].Id;
        }

        return new PostsOutcome(posts);
    }

    private async Task<ProfileOutcome> FetchAccountAsync(string key, string instance, string uri, CancellationToken cancellationToken)
    {
        var response = await GetAsync(instance, uri, MastodonJsonContext.Default.Account, cancellationToken);
        if (response.Error is { } failure)
        {
            return failure.Error.IsAccountLevel ? ProfileOutcome.Failed(key, failure.Error) : throw new PlatformException(failure.Error);
        }

        var account = response.Value!;
        var name = $"{account.Username}@{instance}";

        // A suspended account keeps answering, with every counter zeroed: that is not a drop to 0 followers.
        if (account.Suspended == true)
        {
            return ProfileOutcome.Failed(key, new PlatformError(PlatformErrorKind.Suspended, $"mastodon: {name} is suspended") { Scope = instance });
        }

        // The stable id becomes "id@instance": an empty id would still look like one and merge unrelated accounts.
        if (string.IsNullOrWhiteSpace(account.Id))
        {
            return ProfileOutcome.Failed(key, new PlatformError(
                PlatformErrorKind.InvalidResponse, $"mastodon: the answer for {name} has no stable id") { Scope = instance });
        }

        if (Counts.FindImplausible(
                ("followers_count", account.FollowersCount),
                ("following_count", account.FollowingCount),
                ("statuses_count", account.StatusesCount)) is { } problem)
        {
            return ProfileOutcome.Failed(key, new PlatformError(PlatformErrorKind.InvalidResponse, $"mastodon: {problem} for {name}") { Scope = instance });
        }

        return ProfileOutcome.Found(key, new ProfileMetrics(
            $"{account.Id}@{instance}", name, account.FollowersCount, account.FollowingCount, account.StatusesCount));
    }

    /// <summary>One GET on <paramref name="instance"/>; every error it yields is scoped to that instance.</summary>
    private async Task<ApiResponse<T>> GetAsync<T>(string instance, string relativeUri, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        var uri = new Uri(_options.InstanceRoot(instance), relativeUri).AbsoluteUri;
        Action<HttpRequestHeaders>? headers = _options.HasTokenFor(instance)
            ? h => h.Authorization = new AuthenticationHeaderValue("Bearer", _options.Token)
            : null;
        try
        {
            var response = await _api.GetJsonAsync(uri, typeInfo, cancellationToken, headers);
            return response.Error is { } failure
                ? response with { Error = failure with { Error = Scoped(failure.Error, instance) } }
                : response;
        }
        catch (PlatformException ex) when (ex.Error.Scope is null)
        {
            throw new PlatformException(Scoped(ex.Error, instance), ex);
        }
    }

    private PlatformError Scoped(PlatformError error, string instance)
    {
        var message = error.Kind switch
        {
            PlatformErrorKind.Unauthorized when _options.HasTokenFor(instance) => $"{error.Message} ({instance} refused the access token)",
            PlatformErrorKind.Unauthorized =>
                $"{error.Message} ({instance} requires an access token: set Platforms:Mastodon:AccessToken and AccessTokenInstance)",
            _ => $"{error.Message} ({instance})",
        };

        // An instance could echo the Authorization header back in its error text; that text is logged and stored.
        if (_options.Token is { } token)
        {
            message = message.Replace(token, "[redacted]", StringComparison.Ordinal);
        }

        return error with { Message = message, Scope = instance };
    }

    private static ProfileOutcome Invalid(string key, string expected) =>
        ProfileOutcome.Failed(key, new PlatformError(PlatformErrorKind.NotFound, $"mastodon: '{SafeText.Clip(key, 80)}' is not a valid {expected}"));

    /// <summary>
    /// The server already drops boosts and replies; checked again because a boost is someone else's post and a reply
    /// (including one in the account's own thread, which <c>exclude_replies</c> keeps) is never an original post.
    /// </summary>
    private static bool IsOriginal(MastodonModels.Status status) =>
        status.Reblog is null or { ValueKind: JsonValueKind.Null } && status.InReplyToId is null;

    private static PostMetrics ToPostMetrics(MastodonModels.Status status, string instance)
    {
        if (Counts.FindImplausible(
                ("favourites_count", status.FavouritesCount),
                ("replies_count", status.RepliesCount),
                ("reblogs_count", status.ReblogsCount),
                ("quotes_count", status.QuotesCount)) is { } problem)
        {
            // One absurd post would skew the whole engagement average, so the sample as a whole is refused.
            throw new PlatformException(new PlatformError(
                PlatformErrorKind.InvalidResponse, $"mastodon: {problem} on status {SafeText.Clip(status.Id, 40)} ({instance})") { Scope = instance });
        }

        return new PostMetrics(
            status.Id, ParseInstant(status.CreatedAt), status.FavouritesCount, status.RepliesCount, status.ReblogsCount, status.QuotesCount, Views: null);
    }

    private static DateTimeOffset? ParseInstant(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;

    private static string GateKey(HttpRequestMessage request)
    {
        var uri = request.RequestUri;
        if (uri is not { IsAbsoluteUri: true })
        {
            return PlatformKeys.Mastodon;
        }

        var api = uri.AbsolutePath.IndexOf("/api/", StringComparison.Ordinal);
        return $"{PlatformKeys.Mastodon}:{uri.Authority}{(api > 0 ? uri.AbsolutePath[..api] : string.Empty)}";
    }
}
