using System.Net.Http.Headers;
using System.Text;
using Collector.Platforms.Http;

namespace Collector.Platforms.Tests.Http;

public sealed class RequestSecretsTests
{
    [Fact]
    public void Of_FindsTheBearerToken_AndKeyOrTokenHeaders_OnTheRequestAndTheClient_ButNotOtherHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example/2/users");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "bearer-secret");
        request.Headers.Add("X-Access-Token", "token-secret");
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Add("X-Goog-Api-Key", "key-secret");
        client.DefaultRequestHeaders.UserAgent.ParseAdd("collector/1.0");

        var secrets = RequestSecrets.Of(request, client.DefaultRequestHeaders);

        Assert.Equal(["bearer-secret", "key-secret", "token-secret"], secrets.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Redact_ReplacesEveryOccurrence_AndLeavesABodyWithoutSecretsAsItIs()
    {
        var echoed = Encoding.UTF8.GetBytes("""{"detail":"token abc123 refused; again abc123"}""");
        var clean = Encoding.UTF8.GetBytes("""{"detail":"nothing to hide"}""");

        Assert.Equal("""{"detail":"token [redacted] refused; again [redacted]"}""", Encoding.UTF8.GetString(RequestSecrets.Redact(echoed, ["abc123"])));
        Assert.Same(clean, RequestSecrets.Redact(clean, ["abc123"]));
    }
}
