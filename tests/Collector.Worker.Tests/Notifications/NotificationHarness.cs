using Collector.Core.Analytics;
using Collector.Core.Notifications;
using Collector.Storage;
using Collector.Worker.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Collector.Worker.Tests.Notifications;

/// <summary>
/// One "process": the production registration of storage, analysis and notifications over a database file, with
/// webhooks from settings, a fake clock and every log line (Trace and up) captured. Dispose it to simulate a crash.
/// </summary>
internal sealed class NotificationHarness : IDisposable
{
    private readonly ServiceProvider _services;

    public NotificationHarness(string databasePath, FakeTimeProvider clock, FakeLogCollector logs, IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(logs);
        services.AddLogging(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
        services.AddCollectorStorage(databasePath);
        services.AddAnalysisAndNotifications();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public NotificationDispatcher Dispatcher => _services.GetRequiredService<NotificationDispatcher>();

    public NotificationPublisher Publisher => _services.GetRequiredService<NotificationPublisher>();

    public IBatchAnalyzer Analyzer => _services.GetRequiredService<IBatchAnalyzer>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public static Dictionary<string, string?> Webhooks(params (string Url, string Format, string? Events)[] webhooks)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < webhooks.Length; i++)
        {
            settings[$"Notifications:Webhooks:{i}:Url"] = webhooks[i].Url;
            settings[$"Notifications:Webhooks:{i}:Format"] = webhooks[i].Format;
            var events = webhooks[i].Events?.Split(',') ?? [];
            for (var j = 0; j < events.Length; j++)
            {
                settings[$"Notifications:Webhooks:{i}:Events:{j}"] = events[j];
            }
        }

        return settings;
    }

    public void Dispose() => _services.Dispose();
}
