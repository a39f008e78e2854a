namespace Collector.Core.Notifications;

/// <summary>The outcome of one delivery attempt.</summary>
/// <param name="Retryable">False when repeating the same request cannot help (a 4xx other than 408/429).</param>
/// <param name="Error">What went wrong, safe to log and store: never the URL.</param>
public sealed record WebhookSendResult(bool Delivered, bool Retryable, string? Error)
{
    public static WebhookSendResult Success { get; } = new(true, false, null);

    public static WebhookSendResult Retry(string error) => new(false, true, error);

    public static WebhookSendResult Permanent(string error) => new(false, false, error);
}
