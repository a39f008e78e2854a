using Collector.Core.Platforms;
using Collector.Worker.Hosting;
using Collector.Worker.Jobs;
using Collector.Worker.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace Collector.Worker.Tests.Run;

public sealed class WorkerContainerTests
{
    [Fact]
    public async Task RunContainer_ValidatesOnBuildAndResolvesEveryJobHostedServiceAndClient()
    {
        var builder = WorkerHost.CreateBuilder(new CommandLineSettings(null, "unused.db", "unused.yaml", Verbose: false));
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));

        using var host = builder.Build();
        host.Services.GetRequiredService<IStartupValidator>().Validate();

        Assert.NotNull(host.Services.GetRequiredService<CollectionJob>());
        Assert.Contains(host.Services.GetServices<IPlatformClient>(), static c => c.Platform == PlatformKeys.Bluesky);
        var hosted = host.Services.GetServices<IHostedService>().Select(static s => s.GetType().Name).ToList();
        Assert.Contains("QuartzHostedService", hosted);
        Assert.Contains(nameof(ScheduleBootstrap), hosted);
        Assert.Contains("WatchlistReloader", hosted);
        Assert.Contains("WebEndpoint", hosted);
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.Equal("collector", scheduler.SchedulerName);
        Assert.Equal(WorkerRegistration.ShutdownBudget, host.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }
}
