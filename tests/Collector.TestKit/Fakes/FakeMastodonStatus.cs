namespace Collector.TestKit.Fakes;

/// <summary>
/// A status in a fake instance. Null counters are left out of the JSON (<c>quotes_count</c> only exists on 4.5+).
/// Ids are numeric strings that sort by time, as Mastodon's snowflake ids do.
/// </summary>
public sealed record FakeMastodonStatus(string Id, DateTimeOffset CreatedAt)
{
    public string Content { get; init; } = "<p>Golden hour at the pier.</p>";

    public long? Favourites { get; init; } = 11;

    public long? Replies { get; init; } = 5;

    public long? Reblogs { get; init; } = 6;

    public long? Quotes { get; init; } = 2;

    /// <summary>A reply to this status id; with <see cref="InReplyToAccountId"/> the author it replies to.</summary>
    public string? InReplyToId { get; init; }

    public string? InReplyToAccountId { get; init; }
}
