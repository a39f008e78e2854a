using System.Text.Json;
using Collector.Core.Platforms;
using Collector.Platforms.Http;

namespace Collector.Platforms.Bluesky;

/// <summary>
/// Reads XRPC error bodies. Names from the AppView handlers (platform-apis.md §2 "Errors"): a takedown or
/// deactivation is Suspended; "Profile not found" is NotFound; blocks are Protected.
/// </summary>
internal sealed class BlueskyErrorBodyReader : IPlatformErrorBodyReader
{
    public PlatformErrorBody? Read(int statusCode, ReadOnlySpan<byte> body)
    {
        BlueskyModels.XrpcError? error;
        try
        {
            error = JsonSerializer.Deserialize(body, BlueskyJsonContext.Default.XrpcError);
        }
        catch (JsonException)
        {
            return null;
        }

        if (error?.Error is not { Length: > 0 } code)
        {
            return null;
        }

        return new PlatformErrorBody(code, error.Message, Classify(code, error.Message));
    }

    private static PlatformErrorKind? Classify(string code, string? message) =>
        code switch
        {
            "AccountTakedown" or "AccountDeactivated" => PlatformErrorKind.Suspended,

            // Also what getAuthorFeed answers for a taken-down actor: the AppView excludes takedowns before lookup.
            "InvalidRequest" when string.Equals(message, "Profile not found", StringComparison.OrdinalIgnoreCase) => PlatformErrorKind.NotFound,
            "BlockedActor" or "BlockedByActor" => PlatformErrorKind.Protected,
            "RateLimitExceeded" => PlatformErrorKind.RateLimited,
            _ => null,
        };
}
