namespace Collector.Platforms.Http;

/// <summary>
/// A platform's reading of its own error bodies (Bluesky <c>{"error":"AccountTakedown"}</c>, X Problem JSON,
/// Mastodon <c>{"error":"..."}</c>, YouTube <c>{"error":{"errors":[{"reason":"quotaExceeded"}]}}</c>).
/// </summary>
internal interface IPlatformErrorBodyReader
{
    /// <summary>
    /// Returns what the body says, or null when it is not in the platform's error shape (an HTML proxy page,
    /// an empty body). Must not throw. A null <see cref="PlatformErrorBody.Kind"/> keeps the status-based kind.
    /// </summary>
    PlatformErrorBody? Read(int statusCode, ReadOnlySpan<byte> body);
}
