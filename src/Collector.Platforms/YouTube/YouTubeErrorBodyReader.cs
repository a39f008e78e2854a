using System.Text.Json;
using System.Text.RegularExpressions;
using Collector.Core.Platforms;
using Collector.Platforms.Http;

namespace Collector.Platforms.YouTube;

/// <summary>
/// Reads the Google error envelope (platform-apis.md §4 "Errors"). The <c>reason</c> decides the kind: 403 alone
/// cannot tell a spent quota from a throttle or a disabled API, and an invalid key is a 400.
/// </summary>
internal sealed partial class YouTubeErrorBodyReader : IPlatformErrorBodyReader
{
    public PlatformErrorBody? Read(int statusCode, ReadOnlySpan<byte> body)
    {
        YouTubeModels.ErrorBody? error;
        try
        {
            error = JsonSerializer.Deserialize(body, YouTubeJsonContext.Default.ErrorResponse)?.Error;
        }
        catch (JsonException)
        {
            return null;
        }

        if (error is null)
        {
            return null;
        }

        var reason = error.Errors?.FirstOrDefault(static e => !string.IsNullOrEmpty(e.Reason))?.Reason;
        var details = error.Details?.Select(static d => d.Reason).OfType<string>().ToHashSet(StringComparer.Ordinal) ?? [];
        var message = Tags().Replace(error.Message ?? string.Empty, string.Empty);
        return reason switch
        {
            "quotaExceeded" or "dailyLimitExceeded" => new(reason, "the daily quota of the API key's Google Cloud project is spent", PlatformErrorKind.QuotaExceeded),
            "rateLimitExceeded" or "userRateLimitExceeded" => new(reason, message, PlatformErrorKind.RateLimited),
            "accessNotConfigured" => new(reason,
                "the YouTube Data API v3 is not enabled for the API key's Google Cloud project: enable it under APIs & Services in the Google Cloud console",
                PlatformErrorKind.Unauthorized),
            "keyInvalid" => new(reason, "the API key is not valid: check Platforms:YouTube:ApiKey", PlatformErrorKind.Unauthorized),
            "playlistNotFound" or "channelNotFound" or "videoNotFound" => new(reason, message, PlatformErrorKind.NotFound),
            "playlistItemsNotAccessible" => new(reason, message, PlatformErrorKind.Protected),
            _ when details.Contains("API_KEY_INVALID") || message.StartsWith("API key not valid", StringComparison.Ordinal) =>
                new(reason, "the API key is not valid: check Platforms:YouTube:ApiKey", PlatformErrorKind.Unauthorized),
            _ when details.Contains("SERVICE_DISABLED") => new(reason,
                "the YouTube Data API v3 is not enabled for the API key's Google Cloud project: enable it under APIs & Services in the Google Cloud console",
                PlatformErrorKind.Unauthorized),
            _ => new(reason, message),
        };
    }

    // The quota message carries an HTML link; logs and the database get plain text.
    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();
}
