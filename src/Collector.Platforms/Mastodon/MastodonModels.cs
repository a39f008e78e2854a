using System.Text.Json;

namespace Collector.Platforms.Mastodon;

/// <summary>
/// The slices of Mastodon's Account, Status and Error entities the client reads (docs.joinmastodon.org/entities).
/// Counters are optional: <c>quotes_count</c> only exists on 4.5+, and a missing counter stays null, never 0.
/// </summary>
internal static class MastodonModels
{
    /// <summary>An Account. <c>suspended</c> (3.3+) comes with every counter zeroed, so it must be checked first.</summary>
    internal sealed record Account(
        string Id,
        string Username,
        string? Acct = null,
        long? FollowersCount = null,
        long? FollowingCount = null,
        long? StatusesCount = null,
        bool? Suspended = null);

    /// <summary>A Status; a boost carries the boosted status in <c>reblog</c>, a reply has <c>in_reply_to_id</c>.</summary>
    internal sealed record Status(
        string Id,
        string? CreatedAt = null,
        string? InReplyToId = null,
        JsonElement? Reblog = null,
        long? RepliesCount = null,
        long? ReblogsCount = null,
        long? FavouritesCount = null,
        long? QuotesCount = null);

    /// <summary>The Error entity: <c>{"error":"Record not found"}</c>; OAuth errors add a description.</summary>
    internal sealed record ErrorEntity(string? Error = null, string? ErrorDescription = null);
}
