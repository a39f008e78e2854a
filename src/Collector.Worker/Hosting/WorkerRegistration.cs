using Collector.Core.Analytics;
using Collector.Core.Scheduling;
using Collector.Worker.Jobs;
using Collector.Worker.Watchlists;
using Collector.Worker.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http;
using Quartz;

namespace Collector.Worker.Hosting;

/// <summary>What <c>collector run</c> adds to the shared service graph: scheduling, hot reload, health and metrics.</summary>
internal static class WorkerRegistration
{
    /// <summary>
    /// How long the host waits for running rounds after asking them to stop. Below System.CommandLine's 8 s
    /// process-termination timeout, which is below the 10 s Docker (and the systemd unit) give before SIGKILL.
    /// </summary>
    public static readonly TimeSpan ShutdownBudget = TimeSpan.FromSeconds(6);

    public static IServiceCollection AddCollectorWorker(this IServiceCollection services)
    {
        services.AddSystemd();
        services.Configure<HostOptions>(static o => o.ShutdownTimeout = ShutdownBudget);
        services.AddOptions<HttpEndpointOptions>().BindConfiguration(HttpEndpointOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton(new ScheduleSlots(QuartzCron.NextAfter));
        services.AddSingleton<DueRule>();
        services.AddSingleton<WatchlistState>();
        services.AddSingleton<InFlightAccounts>();
        services.AddSingleton(static sp => new RoundMemory(sp.GetRequiredService<InFlightAccounts>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<PlatformActivity>();
        services.AddSingleton<CollectionScheduler>();
        services.AddSingleton<ScheduledCollection>();
        services.AddTransient<CollectionJob>();
        services.AddTransient<NotificationJob>();
        services.AddTransient<HousekeepingJob>();

        services.AddSingleton<CollectorMetrics>();
        services.AddSingleton<IAccountEventObserver, BandCrossingMetrics>();
        services.AddSingleton<IQuotaStatusSource, YouTubeQuotaSource>();
        services.AddSingleton<PrometheusExporter>();
        services.AddSingleton<HealthReporter>();
        services.AddSingleton<IHttpMessageHandlerBuilderFilter, RequestTimingFilter>();

        services.AddQuartz(static q =>
        {
            // One node, schedule rebuilt from the watchlist at every start: nothing to persist (DESIGN: no clustering on SQLite).
            // No UseTimeProvider: without it Quartz takes the container's TimeProvider, the one everything else uses
            // (and the fake clock tests register); on the default scheduler it would replace that registration.
            q.UseInMemoryStore();
            q.ConfigureScheduler(static o =>
            {
                o.InstanceName = "collector";

                // Quartz never cancels a running job on shutdown by default; this hands each round a cancelled token
                // while the host still waits (WaitForJobsToComplete) for it to unwind.
                o.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs;
            });
            q.AddMaintenanceJobs();
        });

        // Registered before the services below so that it stops last: they stop planning and reloading first.
        services.AddQuartzHostedService(static o => o.WaitForJobsToComplete = true);
        services.AddHostedService<ScheduleBootstrap>();
        services.AddSingleton<WatchlistReloader>();
        services.AddHostedService(static sp => sp.GetRequiredService<WatchlistReloader>());
        services.AddSingleton<WebEndpoint>();
        services.AddHostedService(static sp => sp.GetRequiredService<WebEndpoint>());
        return services;
    }
}
