using System.Globalization;
using System.Net.Sockets;
using Collector.Core.Platforms;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Collector.Platforms.Http;

/// <summary>
/// Turns an unsuccessful status (plus what the platform's body reader made of the body) or a transport failure into
/// a <see cref="PlatformError"/>. Messages name the platform, the path and the status, never a query or a header.
/// </summary>
internal static class HttpErrorMapper
{
    /// <summary>The kind a status implies when the platform's body does not say otherwise.</summary>
    public static PlatformErrorKind DefaultKind(int statusCode) =>
        statusCode switch
        {
            // 403 means "credential refused" unless the platform's body says more (YouTube quota, X protected).
            401 or 403 => PlatformErrorKind.Unauthorized,
            404 or 410 => PlatformErrorKind.NotFound,
            408 => PlatformErrorKind.Unavailable,
            429 => PlatformErrorKind.RateLimited,
            >= 500 => PlatformErrorKind.Unavailable,

            // Another 4xx means we asked for something the API will never answer; retrying cannot help.
            _ => PlatformErrorKind.InvalidResponse,
        };

    public static PlatformError FromStatus(string platform, string path, int statusCode, PlatformErrorBody? body, DateTimeOffset? retryAt)
    {
        var kind = body?.Kind ?? DefaultKind(statusCode);
        var detail = (body?.Code, body?.Message) switch
        {
            (null or "", null or "") => string.Empty,
            (null or "", var message) => ": " + message,
            (var code, null or "") => " " + code,
            (var code, var message) => $" {code}: {message}",
        };
        var text = SafeText.Clip(string.Create(CultureInfo.InvariantCulture, $"{platform} {path}: HTTP {statusCode}{detail}"));
        var when = kind is PlatformErrorKind.RateLimited or PlatformErrorKind.Unavailable or PlatformErrorKind.QuotaExceeded ? retryAt : null;
        return new PlatformError(kind, text, when);
    }

    /// <summary>
    /// A failure without a usable response. Returns null for cancellation the caller asked for, which must stay an
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    public static PlatformError? FromException(string platform, string path, Exception exception, DateTimeOffset now, CancellationToken callerToken) =>
        exception switch
        {
            OperationCanceledException when callerToken.IsCancellationRequested => null,
            BrokenCircuitException broken => new PlatformError(
                PlatformErrorKind.Unavailable,
                $"{platform} {path}: failing fast after repeated failures (circuit open)",
                broken.RetryAfter is { } after ? now + after : null),
            TimeoutRejectedException or OperationCanceledException => new PlatformError(
                PlatformErrorKind.Unavailable, $"{platform} {path}: timed out"),
            HttpRequestException http => new PlatformError(
                PlatformErrorKind.Unavailable, $"{platform} {path}: connection failed ({Describe(http)})"),
            _ => null,
        };

    private static string Describe(HttpRequestException exception) =>
        exception.InnerException is SocketException socket
            ? socket.SocketErrorCode.ToString()
            : exception.HttpRequestError.ToString();
}
