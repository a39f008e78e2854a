namespace Collector.TestKit.Fakes;

/// <summary>A post in the fake X API. Null counters are left out of <c>public_metrics</c>.</summary>
/// <param name="Id">A numeric post id, as a string.</param>
public sealed record FakeXPost(string Id, DateTimeOffset CreatedAt)
{
    public string Text { get; init; } = "whoa, it works";

    public long? Likes { get; init; } = 38;

    public long? Replies { get; init; } = 3;

    public long? Retweets { get; init; } = 7;

    public long? Quotes { get; init; } = 1;

    public long? Bookmarks { get; init; } = 2;

    public long? Impressions { get; init; } = 1250;

    /// <summary>A reply: left out with <c>exclude=replies</c>.</summary>
    public bool IsReply { get; init; }

    /// <summary>A retweet of someone else's post: left out with <c>exclude=retweets</c>.</summary>
    public bool IsRetweet { get; init; }
}
