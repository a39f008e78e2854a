using System.Net.Http.Headers;
using System.Text.Json.Serialization.Metadata;
using Collector.Core.Metrics;
using Collector.Core.Platforms;
using Collector.Platforms.Http;
using Microsoft.Extensions.Options;

namespace Collector.Platforms.X;

/// <summary>
/// X through the v2 HTTP API with an app-only bearer token (platform-apis.md §1). Handles resolve with
/// <c>/2/users/by</c> and known ids refresh with <c>/2/users</c>, 100 per request; unknown, suspended and (for
/// timelines) protected accounts come back as problems inside an HTTP 200 and become per-account outcomes. Posts come
/// from <c>/2/users/:id/tweets</c> without retweets and replies; <c>impression_count</c> is the view count.
/// </summary>
internal sealed class XClient(HttpClient http, IOptions<XOptions> options, XCredentialGate credential, TimeProvider time) : IPlatformClient
{
    /// <summary><c>usernames</c> and <c>ids</c> take 1–100 values (OpenAPI).</summary>
    public const int UsersPerRequest = 100;

    /// <summary>The timeline's <c>max_results</c> range (OpenAPI: 5–100).</summary>
    public const int MinTimelinePage = 5;

    public const int MaxTimelinePage = 100;

    private const string UsersByPath = "2/users/by";
    private const string UsersPath = "2/users";

    // With exclude=replies X reaches back 800 posts (platform-apis.md), so paging further cannot find more.
    private const int MaxTimelinePages = 8;

    private static readonly string[] UserFields = ["public_metrics", "created_at", "protected"];
    private static readonly string[] TweetFields = ["public_metrics", "created_at"];
    private static readonly string[] Exclusions = ["retweets", "replies"];

    private readonly PlatformApi _api = new(http, HttpProfile, options.Value, time);
    private readonly string? _token = options.Value.Token;

    public static PlatformHttpProfile HttpProfile { get; } =
        new(PlatformKeys.X, RateLimitDialect.X, new XErrorBodyReader(), XGateKeys.For);

    public string Platform => PlatformKeys.X;

    public PlatformCapabilities Capabilities { get; } = new(
        ResolveBatchSize: UsersPerRequest,
        ProfileBatchSize: UsersPerRequest,
        MaxPostsPerRequest: MaxTimelinePage,
        HasViews: true,
        NeedsCredential: true);

    public bool IsConfigured => _token is not null;

    public async Task<IReadOnlyList<ProfileOutcome>> ResolveAsync(IReadOnlyList<string> handles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handles);
        var usernames = handles.Select(XSyntax.NormalizeUsername)
            .Where(XSyntax.IsUsername)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

        // Usernames are case-insensitive on X; the answer spells them as the account does.
        var found = await LookUpAsync(UsersByPath, "usernames", usernames, static user => user.Username, StringComparer.OrdinalIgnoreCase, cancellationToken);
        return [.. handles.Select(key =>
        {
            var username = XSyntax.NormalizeUsername(key);
            return XSyntax.IsUsername(username)
                ? found.OutcomeFor(key, username, "@" + username)
                : ProfileOutcome.Failed(key, new PlatformError(
                    PlatformErrorKind.NotFound, $"x: '{SafeText.Clip(key, 80)}' is not a valid X username"));
        })];
    }

    public async Task<IReadOnlyList<ProfileOutcome>> GetProfilesAsync(IReadOnlyList<string> platformIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(platformIds);
        var ids = platformIds.Where(XSyntax.IsUserId).Distinct(StringComparer.Ordinal).ToList();
        var found = await LookUpAsync(UsersPath, "ids", ids, static user => user.Id, StringComparer.Ordinal, cancellationToken);
        return [.. platformIds.Select(id => XSyntax.IsUserId(id)
            ? found.OutcomeFor(id, id, "user " + id)
            : ProfileOutcome.Failed(id, new PlatformError(
                PlatformErrorKind.NotFound, $"x: '{SafeText.Clip(id, 80)}' is not a valid X user id")))];
    }

    public async Task<PostsOutcome> GetRecentPostsAsync(ProfileMetrics profile, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (count <= 0)
        {
            return PostsOutcome.Empty;
        }

        if (profile.Quality.HasFlag(DataQuality.Protected))
        {
            // An app-only token can never read a protected timeline: asking would only cost a request.
            return new PostsOutcome([], new PlatformError(
                PlatformErrorKind.Protected, $"x: @{profile.Handle} is protected; its posts are not public"));
        }

        if (!XSyntax.IsUserId(profile.PlatformId))
        {
            return new PostsOutcome([], new PlatformError(
                PlatformErrorKind.NotFound, $"x: '{SafeText.Clip(profile.PlatformId, 80)}' is not a valid X user id"));
        }

        // max_results is at least 5: ask for 5 and keep the first `count` (X bills the posts it returns).
        var pageSize = Math.Clamp(count, MinTimelinePage, MaxTimelinePage);
        var posts = new List<PostMetrics>(Math.Min(count, MaxTimelinePage));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? next = null;
        for (var page = 0; page < MaxTimelinePages && posts.Count < count; page++)
        {
            var uri = new UrlBuilder($"2/users/{profile.PlatformId}/tweets")
                .AddJoined("exclude", Exclusions)
                .AddJoined("tweet.fields", TweetFields)
                .Add("max_results", pageSize)
                .AddIfPresent("pagination_token", next)
                .ToString();
            // X reports an unknown, suspended or protected user inside a 200; an HTTP 404 here means a wrong endpoint
            // (a proxy, a retired path), which must not pass for "this account is gone".
            var timeline = (await GetAsync(uri, XJsonContext.Default.TimelineResponse, cancellationToken)).GetValueOrThrow();
            if (timeline.Data is not { Count: > 0 } tweets)
            {
                // No data plus a problem: the account is protected, suspended or gone. No data alone: no posts.
                return timeline.Errors is [var problem, ..] ? PostsProblem(problem, profile) : new PostsOutcome(posts);
            }

            foreach (var tweet in tweets)
            {
                if (posts.Count < count && seen.Add(tweet.Id))
                {
                    posts.Add(ToPostMetrics(tweet));
                }
            }

            next = timeline.Meta?.NextToken;
            if (string.IsNullOrEmpty(next))
            {
                break;
            }
        }

        return new PostsOutcome(posts);
    }

    private async Task<XUserLookup> LookUpAsync(
        string path, string parameter, IReadOnlyList<string> values, Func<XModels.User, string> keyOf, StringComparer comparer, CancellationToken cancellationToken)
    {
        var lookup = new XUserLookup(comparer);
        foreach (var chunk in values.Chunk(UsersPerRequest))
        {
            var uri = new UrlBuilder(path).AddJoined(parameter, chunk).AddJoined("user.fields", UserFields).ToString();
            var answer = (await GetAsync(uri, XJsonContext.Default.UsersResponse, cancellationToken)).GetValueOrThrow();
            lookup.Add(answer, keyOf);
        }

        return lookup;
    }

    private Task<ApiResponse<T>> GetAsync<T>(string uri, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        if (_token is not { } token)
        {
            throw new PlatformException(new PlatformError(
                PlatformErrorKind.NotConfigured, "x: no bearer token configured (Platforms:X:BearerToken)"));
        }

        // Per request, not a default header of the shared client: the token goes to X's host and nowhere else.
        return credential.SendAsync(
            () => _api.GetJsonAsync(uri, typeInfo, cancellationToken, headers => headers.Authorization = new AuthenticationHeaderValue("Bearer", token)),
            cancellationToken);
    }

    private static PostsOutcome PostsProblem(XModels.ResourceProblem problem, ProfileMetrics profile)
    {
        var error = XProblems.ToError(problem, "@" + profile.Handle);
        return error.IsAccountLevel
            ? new PostsOutcome([], error)
            : throw new PlatformException(error with { Kind = PlatformErrorKind.InvalidResponse });
    }

    private static PostMetrics ToPostMetrics(XModels.Tweet tweet)
    {
        var metrics = tweet.PublicMetrics;
        if (Counts.FindImplausible(
                ("like_count", metrics?.LikeCount),
                ("reply_count", metrics?.ReplyCount),
                ("retweet_count", metrics?.Reposts),
                ("quote_count", metrics?.QuoteCount),
                ("impression_count", metrics?.ImpressionCount)) is { } problem)
        {
            // One absurd post would skew the whole engagement average, so the sample as a whole is refused.
            throw new PlatformException(new PlatformError(
                PlatformErrorKind.InvalidResponse, $"x /2/users/:id/tweets: {problem} on post {tweet.Id}"));
        }

        return new PostMetrics(
            tweet.Id,
            XModels.ParseInstant(tweet.CreatedAt),
            metrics?.LikeCount,
            metrics?.ReplyCount,
            metrics?.Reposts,
            metrics?.QuoteCount,
            metrics?.ImpressionCount);
    }
}
