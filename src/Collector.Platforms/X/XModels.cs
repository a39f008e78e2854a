using System.Globalization;
using System.Text.Json;

namespace Collector.Platforms.X;

/// <summary>
/// The slices of the X API v2 payloads the client reads (platform-apis.md §1). Ids are strings, counts integers.
/// Both the tweet names (<c>tweet_count</c>, <c>retweet_count</c>) and the post names of the 2026 OpenAPI spec
/// (<c>post_count</c>, <c>repost_count</c>) are accepted, because the wire rename is unconfirmed.
/// </summary>
internal static class XModels
{
    /// <summary><c>GET /2/users/by</c> and <c>GET /2/users</c>: found users in <c>data</c>, the others in <c>errors</c>, both in an HTTP 200.</summary>
    internal sealed record UsersResponse(IReadOnlyList<User>? Data = null, IReadOnlyList<ResourceProblem>? Errors = null);

    internal sealed record User(
        string Id,
        string Username,
        string? Name = null,
        bool? Protected = null,
        string? CreatedAt = null,
        UserPublicMetrics? PublicMetrics = null);

    internal sealed record UserPublicMetrics(
        long? FollowersCount = null,
        long? FollowingCount = null,
        long? TweetCount = null,
        long? PostCount = null,
        long? ListedCount = null)
    {
        public long? Posts => TweetCount ?? PostCount;
    }

    /// <summary><c>GET /2/users/:id/tweets</c>. No posts: no <c>data</c> key at all (OpenAPI <c>minItems: 1</c>).</summary>
    internal sealed record TimelineResponse(
        IReadOnlyList<Tweet>? Data = null,
        TimelineMeta? Meta = null,
        IReadOnlyList<ResourceProblem>? Errors = null);

    internal sealed record Tweet(string Id, string? CreatedAt = null, TweetPublicMetrics? PublicMetrics = null);

    internal sealed record TweetPublicMetrics(
        long? RetweetCount = null,
        long? RepostCount = null,
        long? ReplyCount = null,
        long? LikeCount = null,
        long? QuoteCount = null,
        long? ImpressionCount = null)
    {
        public long? Reposts => RetweetCount ?? RepostCount;
    }

    internal sealed record TimelineMeta(long? ResultCount = null, string? NextToken = null);

    /// <summary>
    /// One entry of <c>errors[]</c> in a successful answer: RFC 7807 problem plus the resource it is about. Value and
    /// resource id are read loosely (string or number): a quirk there must not cost the whole batch.
    /// </summary>
    internal sealed record ResourceProblem(
        string? Type = null,
        string? Title = null,
        string? Detail = null,
        JsonElement? Value = null,
        JsonElement? ResourceId = null,
        string? ResourceType = null,
        string? Parameter = null,
        string? Section = null)
    {
        public string? ValueText => Text(Value);

        public string? ResourceIdText => Text(ResourceId);

        private static string? Text(JsonElement? element) =>
            element switch
            {
                { ValueKind: JsonValueKind.String } e => e.GetString(),
                { ValueKind: JsonValueKind.Number } e => e.GetRawText(),
                _ => null,
            };
    }

    /// <summary>
    /// An error answer: Problem JSON (<c>title</c>, <c>type</c>, <c>detail</c>; usage caps add <c>period</c>, <c>scope</c>),
    /// or the v1.1 shape <c>{"errors":[{"code":88,"message":"..."}]}</c> the rate-limit docs still show.
    /// </summary>
    internal sealed record ErrorBody(
        string? Title = null,
        string? Type = null,
        string? Detail = null,
        string? Period = null,
        string? Scope = null,
        IReadOnlyList<LegacyError>? Errors = null);

    internal sealed record LegacyError(JsonElement? Code = null, string? Message = null);

    public static DateTimeOffset? ParseInstant(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;
}
