using System.Text.Json;
using Collector.Core.Platforms;
using Collector.Platforms.Http;

namespace Collector.Platforms.Mastodon;

/// <summary>
/// Reads Mastodon's Error entity (platform-apis.md §3 "Errors"). The <c>error</c> text is localized on some instances,
/// so kinds come from the status: 404 is not found, 401 needs a token, 429 is rate limited. 410 is what servers
/// between 2.4 and 3.3 answer for a suspended account, with or without a body.
/// </summary>
internal sealed class MastodonErrorBodyReader : IPlatformErrorBodyReader
{
    public PlatformErrorBody? Read(int statusCode, ReadOnlySpan<byte> body)
    {
        PlatformErrorKind? kind = statusCode == 410 ? PlatformErrorKind.Suspended : null;
        MastodonModels.ErrorEntity? error;
        try
        {
            error = body.IsEmpty ? null : JsonSerializer.Deserialize(body, MastodonJsonContext.Default.ErrorEntity);
        }
        catch (JsonException)
        {
            error = null;
        }

        if (error?.Error is not { Length: > 0 } text)
        {
            return kind is null ? null : new PlatformErrorBody(null, "account suspended", kind);
        }

        var message = string.IsNullOrWhiteSpace(error.ErrorDescription) ? text : $"{text} ({error.ErrorDescription})";
        return new PlatformErrorBody(null, message, kind);
    }
}
