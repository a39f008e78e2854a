using Collector.Core.Notifications;
using Microsoft.Extensions.Options;

namespace Collector.Worker.Notifications;

/// <summary>Checks every webhook entry and reports each problem by its position, never quoting the URL (a secret).</summary>
internal sealed class NotificationsOptionsValidator : IValidateOptions<NotificationsOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        for (var i = 0; i < options.Webhooks.Count; i++)
        {
            var webhook = options.Webhooks[i];
            var at = $"{NotificationsOptions.Section}:Webhooks:{i}";
            if (!WebhookIdentity.TryParseUrl(webhook.Url, out _))
            {
                failures.Add($"{at}:Url must be an absolute http:// or https:// URL (value not shown: webhook URLs are secrets)");
            }

            if (!WebhookFormats.All.Contains(webhook.Format, StringComparer.Ordinal))
            {
                failures.Add($"{at}:Format '{webhook.Format}' is not one of {string.Join(", ", WebhookFormats.All)}");
            }

            foreach (var kind in webhook.Events.Where(static e => !EventKinds.IsKnown(e)))
            {
                failures.Add($"{at}:Events: unknown event '{kind}' (known: {string.Join(", ", EventKinds.All)})");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
