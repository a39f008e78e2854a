using Collector.Platforms.X;

namespace Collector.Platforms.Tests.X;

public sealed class XGateKeysTests
{
    [Theory]
    [InlineData("https://api.x.com/2/users/by?usernames=a,b&user.fields=public_metrics", "x:api.x.com/2/users/by")]
    [InlineData("https://api.x.com/2/users?ids=1,2", "x:api.x.com/2/users")]
    [InlineData("https://api.x.com/2/users/2244994945/tweets?max_results=5", "x:api.x.com/2/users/:id/tweets")]
    [InlineData("https://api.x.com/2/users/17/tweets", "x:api.x.com/2/users/:id/tweets")]
    [InlineData("http://127.0.0.1:8080/proxy/2/users/by", "x:127.0.0.1:8080/proxy/2/users/by")]
    public void Key_IsTheHostAndTheEndpoint_WithoutIdsOrQuery(string uri, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(uri));

        Assert.Equal(expected, XGateKeys.For(request));
    }
}
