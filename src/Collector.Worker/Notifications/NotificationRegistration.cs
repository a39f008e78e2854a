using Collector.Core.Analytics;
using Collector.Core.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Collector.Worker.Notifications;

/// <summary>Band and spike analysis after each batch, the outbox publisher and dispatcher, and the webhook sender.</summary>
internal static class NotificationRegistration
{
    public static IServiceCollection AddAnalysisAndNotifications(this IServiceCollection services)
    {
        services.AddOptions<SpikeSettings>().BindConfiguration(SpikeSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<NotificationsOptions>().BindConfiguration(NotificationsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationsOptions>, NotificationsOptionsValidator>();

        services.AddSingleton(static sp => sp.GetRequiredService<IOptions<SpikeSettings>>().Value);
        services.AddSingleton<WebhookRegistry>();
        services.AddSingleton(static sp => sp.GetRequiredService<WebhookRegistry>().Routing);
        services.AddSingleton<IBatchAnalyzer, AnalysisService>();
        services.AddSingleton<NotificationPublisher>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddSingleton<IWebhookSender, WebhookSender>();

        // No request logging: the default handler logs the full URL, and a webhook URL is a secret.
        services.AddHttpClient(WebhookSender.HttpClientName, static client => client.Timeout = WebhookSender.Timeout)
            .RemoveAllLoggers();
        return services;
    }
}
