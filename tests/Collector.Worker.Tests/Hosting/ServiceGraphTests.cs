using Collector.Core.Collection;
using Collector.Core.Platforms;
using Collector.Core.Storage;
using Collector.Worker.Hosting;
using Collector.Worker.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Collector.Worker.Tests.Hosting;

public sealed class ServiceGraphTests
{
    [Fact]
    public void TheWholeContainer_ValidatesOnBuild_AndResolvesEveryClientAndService()
    {
        var directory = Directory.CreateTempSubdirectory("collector-graph-").FullName;
        try
        {
            var cli = new CommandLineSettings(null, Path.Combine(directory, "c.db"), Path.Combine(directory, "w.yaml"), Verbose: false);
            var builder = CollectorHost.CreateBuilder(cli, longRunning: false);
            builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions
            {
                ValidateOnBuild = true,
                ValidateScopes = true,
            }));

            using var host = builder.Build();
            host.Services.GetRequiredService<IStartupValidator>().Validate();

            var platforms = host.Services.GetServices<IPlatformClient>().Select(c => c.Platform).ToList();
            Assert.Contains(PlatformKeys.Bluesky, platforms);
            Assert.Equal(platforms.Count, platforms.Distinct().Count());
            Assert.NotNull(host.Services.GetRequiredService<CollectionService>());
            Assert.NotNull(host.Services.GetRequiredService<ICollectionStore>());
            Assert.NotNull(host.Services.GetRequiredService<IStatusReader>());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
