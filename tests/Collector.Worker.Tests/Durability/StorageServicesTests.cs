using Collector.Storage.Backup;
using Collector.Storage.Health;
using Collector.Storage.Housekeeping;
using Collector.Worker.Hosting;
using Collector.Worker.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Collector.Worker.Tests.Durability;

/// <summary>What the scheduler and the health endpoint resolve: housekeeping with the configured retention, the probe.</summary>
public sealed class StorageServicesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("collector-storage-services-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task TheContainer_ResolvesHousekeepingWithStorageRetainRawDays_AndTheProbeAndBackup()
    {
        var settings = Path.Combine(_directory, "settings.json");
        await File.WriteAllTextAsync(settings, """{ "Storage": { "RetainRawDays": 45 } }""");
        using var host = Build(settings);

        Assert.Equal(45, host.Services.GetRequiredService<RetentionPolicy>().RetainRawDays);
        Assert.NotNull(host.Services.GetRequiredService<DatabaseHousekeeping>());
        Assert.NotNull(host.Services.GetRequiredService<DatabaseBackup>());
        var check = await host.Services.GetRequiredService<DatabaseHealth>().CheckWritableAsync(CancellationToken.None);
        Assert.True(check.IsWritable, check.Problem);
    }

    [Fact]
    public void WithoutRetainRawDays_RetentionKeepsEverything()
    {
        using var host = Build(settingsFile: null);

        Assert.Null(host.Services.GetRequiredService<RetentionPolicy>().RetainRawDays);
    }

    private IHost Build(string? settingsFile)
    {
        var cli = new CommandLineSettings(settingsFile, Path.Combine(_directory, "c.db"), Path.Combine(_directory, "w.yaml"), Verbose: false);
        var builder = CollectorHost.CreateBuilder(cli, longRunning: false);
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true }));
        var host = builder.Build();
        host.Services.GetRequiredService<IStartupValidator>().Validate();
        return host;
    }
}
