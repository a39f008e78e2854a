using Collector.Platforms.Http;

namespace Collector.Platforms.Tests.Http;

public sealed class UrlBuilderTests
{
    [Fact]
    public void EveryValue_IsPercentEscaped_SoItCannotAddParameters()
    {
        var url = new UrlBuilder("xrpc/app.bsky.actor.getProfiles")
            .AddEach("actors", ["a&actors=b", "did:web:h%3A1", "ünï code", "x/../y?z#w"])
            .ToString();

        Assert.Equal(
            "xrpc/app.bsky.actor.getProfiles?actors=a%26actors%3Db&actors=did%3Aweb%3Ah%253A1&actors=%C3%BCn%C3%AF%20code&actors=x%2F..%2Fy%3Fz%23w",
            url);
    }

    [Fact]
    public void JoinedValues_EscapeEachValue_ButNotTheSeparator()
    {
        var url = new UrlBuilder("2/users/by").AddJoined("usernames", ["XDevelopers", "a,b"]).Add("user.fields", "public_metrics").ToString();

        Assert.Equal("2/users/by?usernames=XDevelopers,a%2Cb&user.fields=public_metrics", url);
    }

    [Fact]
    public void OptionalValues_AreLeftOutWhenAbsent_AndAPathWithAQueryIsContinued()
    {
        var url = new UrlBuilder("api/v1/accounts/1/statuses?exclude_replies=true").Add("limit", 40).AddIfPresent("max_id", null).ToString();

        Assert.Equal("api/v1/accounts/1/statuses?exclude_replies=true&limit=40", url);
    }
}
