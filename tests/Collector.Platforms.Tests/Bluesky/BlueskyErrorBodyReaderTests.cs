using System.Text;
using Collector.Core.Platforms;
using Collector.Platforms.Bluesky;

namespace Collector.Platforms.Tests.Bluesky;

public sealed class BlueskyErrorBodyReaderTests
{
    [Theory]
    [InlineData("""{"error":"AccountTakedown","message":"Account has been suspended"}""", PlatformErrorKind.Suspended)]
    [InlineData("""{"error":"AccountDeactivated","message":"Account is deactivated"}""", PlatformErrorKind.Suspended)]
    [InlineData("""{"error":"InvalidRequest","message":"Profile not found"}""", PlatformErrorKind.NotFound)]
    [InlineData("""{"error":"BlockedActor","message":"Requester has blocked actor: did:plc:x"}""", PlatformErrorKind.Protected)]
    [InlineData("""{"error":"BlockedByActor","message":"Requester is blocked by actor: did:plc:x"}""", PlatformErrorKind.Protected)]
    [InlineData("""{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}""", PlatformErrorKind.RateLimited)]
    public void KnownErrors_MapToTheirKinds(string body, PlatformErrorKind expected)
    {
        var read = new BlueskyErrorBodyReader().Read(400, Encoding.UTF8.GetBytes(body));

        Assert.Equal(expected, read?.Kind);
    }

    [Fact]
    public void OtherInvalidRequests_KeepTheStatusKind_ButKeepCodeAndMessage()
    {
        var read = new BlueskyErrorBodyReader().Read(400, """{"error":"InvalidRequest","message":"Error: limit can not be greater than 100"}"""u8);

        Assert.NotNull(read);
        Assert.Null(read.Kind);
        Assert.Equal(("InvalidRequest", "Error: limit can not be greater than 100"), (read.Code, read.Message));
    }

    [Theory]
    [InlineData("<html>502 Bad Gateway</html>")]
    [InlineData("")]
    [InlineData("""{"message":"no error name"}""")]
    [InlineData("""{"error":42}""")]
    public void BodiesNotInTheXrpcShape_AreNotRead(string body)
    {
        Assert.Null(new BlueskyErrorBodyReader().Read(502, Encoding.UTF8.GetBytes(body)));
    }
}
