using System.Text;
using Collector.Core.Platforms;
using Collector.Platforms.X;

namespace Collector.Platforms.Tests.X;

public sealed class XErrorBodyReaderTests
{
    [Theory]
    [InlineData(429, """{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}""", PlatformErrorKind.RateLimited)]
    [InlineData(429, """{"errors":[{"code":88,"message":"Rate limit exceeded"}]}""", PlatformErrorKind.RateLimited)]
    [InlineData(429, "Rate limit exceeded", PlatformErrorKind.RateLimited)]
    [InlineData(429, "", PlatformErrorKind.RateLimited)]
    [InlineData(429, """{"title":"UsageCapExceeded","detail":"Usage cap exceeded: Monthly product cap","type":"https://api.twitter.com/2/problems/usage-capped","period":"Monthly","scope":"Product"}""", PlatformErrorKind.QuotaExceeded)]
    [InlineData(429, """{"title":"Usage capped","type":"https://api.x.com/2/problems/usage-capped","period":"Daily","scope":"Account"}""", PlatformErrorKind.QuotaExceeded)]
    [InlineData(401, """{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}""", PlatformErrorKind.Unauthorized)]
    [InlineData(401, "<html>401</html>", PlatformErrorKind.Unauthorized)]
    [InlineData(402, """{"title":"Payment Required","type":"https://api.x.com/2/problems/credits-depleted"}""", PlatformErrorKind.QuotaExceeded)]
    public void KnownAnswers_MapToTheirKinds(int status, string body, PlatformErrorKind expected)
    {
        var read = new XErrorBodyReader().Read(status, Encoding.UTF8.GetBytes(body));

        Assert.Equal(expected, read?.Kind);
    }

    [Fact]
    public void UsageCap_SaysWhichCapAndWhatToDo()
    {
        var read = new XErrorBodyReader().Read(
            429, """{"title":"UsageCapExceeded","detail":"Usage cap exceeded: Daily account cap","type":"https://api.x.com/2/problems/usage-capped","period":"Daily","scope":"Account"}"""u8);

        Assert.Equal("UsageCapExceeded", read?.Code);
        Assert.Contains("usage cap exceeded (Daily, Account)", read?.Message, StringComparison.Ordinal);
        Assert.Contains("developer console", read?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidRequest_KeepsTheStatusKind_ButNamesTheProblemTypeAndDetail()
    {
        var read = new XErrorBodyReader().Read(
            400,
            """{"errors":[{"parameters":{"usernames":["a"]},"message":"size [110] is not between 1 and 100"}],"title":"Invalid Request","detail":"One or more parameters to your request was invalid.","type":"https://api.twitter.com/2/problems/invalid-request"}"""u8);

        Assert.NotNull(read);
        Assert.Null(read.Kind);
        Assert.Equal(("invalid-request", "One or more parameters to your request was invalid."), (read.Code, read.Message));
    }

    [Fact]
    public void LegacyErrorShape_GivesItsMessage()
    {
        var read = new XErrorBodyReader().Read(404, """{"errors":[{"message":"Sorry, that page does not exist","code":34}]}"""u8);

        Assert.Equal("Sorry, that page does not exist", read?.Message);
    }

    [Theory]
    [InlineData("<html>502 Bad Gateway</html>")]
    [InlineData("")]
    [InlineData("""{"unrelated":true}""")]
    public void BodiesNotInAnXShape_AreNotRead(string body)
    {
        Assert.Null(new XErrorBodyReader().Read(502, Encoding.UTF8.GetBytes(body)));
    }
}
