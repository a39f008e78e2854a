using System.Text;
using Collector.Core.Notifications;

namespace Collector.Worker.Notifications;

/// <summary>
/// Posts events to webhooks. The URL never leaves this class: errors are described by status or error kind only
/// (an exception message could quote the host or the path), and the HTTP client has its request logging removed.
/// </summary>
internal sealed class WebhookSender(IHttpClientFactory httpClients, WebhookRegistry registry) : IWebhookSender
{
    public const string HttpClientName = "webhooks";

    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(10);

    public async Task<WebhookSendResult> SendAsync(string webhookId, NotificationEvent notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (registry.Find(webhookId) is not { } webhook)
        {
            return WebhookSendResult.Permanent("webhook is no longer configured");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url)
        {
            Content = new StringContent(WebhookPayloads.Render(webhook.Format, notification), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("X-Collector-Event", notification.Kind);
        request.Headers.TryAddWithoutValidation("X-Collector-Event-Id", notification.Id);

        try
        {
            using var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return WebhookSendResult.Success;
            }

            var error = $"HTTP {status} {response.ReasonPhrase}".TrimEnd();
            return status is 408 or 429 || status >= 500
                ? WebhookSendResult.Retry(error)
                : WebhookSendResult.Permanent(error);
        }
        catch (HttpRequestException ex)
        {
            return WebhookSendResult.Retry($"request failed: {ex.HttpRequestError}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return WebhookSendResult.Retry($"no answer within {Timeout.TotalSeconds:0} s");
        }
    }
}
