namespace Collector.TestKit.Fakes;

/// <summary>A post in the fake AppView. Null counters are left out of the post JSON.</summary>
/// <param name="Rkey">Record key; the post's at-URI is <c>at://{author DID}/app.bsky.feed.post/{Rkey}</c>.</param>
public sealed record FakeBlueskyPost(string Rkey, DateTimeOffset CreatedAt)
{
    public string Text { get; init; } = "Golden hour at the pier.";

    public long? Likes { get; init; } = 40;

    public long? Replies { get; init; } = 3;

    public long? Reposts { get; init; } = 5;

    public long? Quotes { get; init; } = 1;

    /// <summary>A reply: left out by <c>filter=posts_no_replies</c>, carries a <c>reply</c> ref otherwise.</summary>
    public bool IsReply { get; init; }
}
