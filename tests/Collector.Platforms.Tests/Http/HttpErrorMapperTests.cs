using System.Net.Sockets;
using Collector.Core.Platforms;
using Collector.Platforms.Http;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Collector.Platforms.Tests.Http;

public sealed class HttpErrorMapperTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(400, PlatformErrorKind.InvalidResponse)]
    [InlineData(401, PlatformErrorKind.Unauthorized)]
    [InlineData(403, PlatformErrorKind.Unauthorized)]
    [InlineData(404, PlatformErrorKind.NotFound)]
    [InlineData(408, PlatformErrorKind.Unavailable)]
    [InlineData(410, PlatformErrorKind.NotFound)]
    [InlineData(422, PlatformErrorKind.InvalidResponse)]
    [InlineData(429, PlatformErrorKind.RateLimited)]
    [InlineData(500, PlatformErrorKind.Unavailable)]
    [InlineData(503, PlatformErrorKind.Unavailable)]
    public void Status_WithoutABodyVerdict_MapsToItsDefaultKind(int status, PlatformErrorKind expected)
    {
        var error = HttpErrorMapper.FromStatus("x", "/2/users/by", status, body: null, retryAt: null);

        Assert.Equal(expected, error.Kind);
        Assert.Equal($"x /2/users/by: HTTP {status}", error.Message);
    }

    [Fact]
    public void BodyVerdict_WinsOverTheStatus()
    {
        var body = new PlatformErrorBody("quotaExceeded", "The request cannot be completed because you have exceeded your quota.", PlatformErrorKind.QuotaExceeded);

        var error = HttpErrorMapper.FromStatus("youtube", "/youtube/v3/channels", 403, body, Now.AddHours(10));

        Assert.Equal(PlatformErrorKind.QuotaExceeded, error.Kind);
        Assert.Equal(Now.AddHours(10), error.RetryAt);
        Assert.StartsWith("youtube /youtube/v3/channels: HTTP 403 quotaExceeded: The request cannot", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RetryAt_IsKeptOnlyForKindsThatAreRetried()
    {
        Assert.Equal(Now, HttpErrorMapper.FromStatus("b", "/p", 429, null, Now).RetryAt);
        Assert.Null(HttpErrorMapper.FromStatus("b", "/p", 401, null, Now).RetryAt);
    }

    [Fact]
    public void PlatformText_IsClippedToOneSafeLine()
    {
        var body = new PlatformErrorBody("Oops", "line one\r\nline two " + new string('x', 1000));

        var error = HttpErrorMapper.FromStatus("mastodon", "/api/v1/accounts/lookup", 500, body, null);

        Assert.DoesNotContain('\n', error.Message);
        Assert.True(error.Message.Length <= SafeText.DefaultMaxLength + 1, $"{error.Message.Length} characters");
    }

    [Fact]
    public void Exceptions_MapToUnavailable_ButCallerCancellationStaysACancellation()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused));

        var network = HttpErrorMapper.FromException("b", "/p", refused, Now, CancellationToken.None);
        var timeout = HttpErrorMapper.FromException("b", "/p", new TimeoutRejectedException(), Now, CancellationToken.None);
        var broken = HttpErrorMapper.FromException("b", "/p", new BrokenCircuitException(TimeSpan.FromSeconds(60)), Now, CancellationToken.None);
        var caller = HttpErrorMapper.FromException("b", "/p", new TaskCanceledException(), Now, cancelled.Token);

        Assert.Equal((PlatformErrorKind.Unavailable, "b /p: connection failed (ConnectionRefused)"), (network!.Kind, network.Message));
        Assert.Equal((PlatformErrorKind.Unavailable, "b /p: timed out"), (timeout!.Kind, timeout.Message));
        Assert.Equal(Now.AddSeconds(60), broken!.RetryAt);
        Assert.Null(caller);
    }
}
