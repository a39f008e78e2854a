using System.Text.Json;
using Collector.Platforms.Bluesky;

namespace Collector.Platforms.Tests.Bluesky;

public sealed class BlueskyJsonContextTests
{
    [Fact]
    public void FeedItem_ReadsTheRepostReasonType_AndTheReplyRef()
    {
        const string json = """
            {"feed":[{"post":{"uri":"at://did:plc:bob/app.bsky.feed.post/1","cid":"bafy","author":{"did":"did:plc:bob","handle":"bob.test"},
                      "record":{"$type":"app.bsky.feed.post","createdAt":"2024-11-20T09:10:01.000Z","text":"hi"},"likeCount":4,"indexedAt":"2024-11-20T09:10:02.310Z"},
                      "reason":{"$type":"app.bsky.feed.defs#reasonRepost","by":{"did":"did:plc:alice","handle":"alice.test"},"indexedAt":"2024-11-20T10:00:00.000Z"}},
                     {"post":{"uri":"at://did:plc:alice/app.bsky.feed.post/2","cid":"bafy","author":{"did":"did:plc:alice"},"record":{}},
                      "reply":{"root":{"$type":"app.bsky.feed.defs#notFoundPost","uri":"at://x","notFound":true}}}],
             "cursor":"2024-11-20T09:10:01.000Z"}
            """;

        var feed = JsonSerializer.Deserialize(json, BlueskyJsonContext.Default.AuthorFeedResponse)!;

        Assert.Equal("app.bsky.feed.defs#reasonRepost", feed.Feed[0].Reason?.Type);
        Assert.Null(feed.Feed[0].Reply);
        Assert.Equal(4, feed.Feed[0].Post.LikeCount);
        Assert.Null(feed.Feed[0].Post.QuoteCount);
        Assert.Equal("2024-11-20T09:10:01.000Z", feed.Feed[0].Post.Record?.CreatedAt);
        Assert.NotNull(feed.Feed[1].Reply);
        Assert.Equal("2024-11-20T09:10:01.000Z", feed.Cursor);
    }
}
