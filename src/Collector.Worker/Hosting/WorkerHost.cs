using Collector.Storage.Migrations;
using Collector.Worker.Settings;
using Collector.Worker.Watchlists;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Collector.Worker.Hosting;

/// <summary>The host of <c>collector run</c>: the shared host plus <see cref="WorkerRegistration"/>, and its preflight.</summary>
internal static class WorkerHost
{
    private const string FormatterNameKey = "Logging:Console:FormatterName";

    public static HostApplicationBuilder CreateBuilder(CommandLineSettings cli)
    {
        var builder = CollectorHost.CreateBuilder(cli, longRunning: true);

        // Defaults below every settings source: one line per event reads well in the journal and in `docker logs`.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData =
            [
                new("Logging:Console:FormatterOptions:SingleLine", "true"),

                // Per-request logs of /healthz polling and Quartz's start-up chatter drown the worker's own events.
                new("Logging:LogLevel:Microsoft.AspNetCore", "Warning"),
                new("Logging:LogLevel:Quartz", "Warning"),
                new("Logging:LogLevel:Quartz.Core.QuartzScheduler", "Information"),
            ],
        });
        builder.Services.AddCollectorWorker();

        // Under systemd, AddSystemd switches the console to the journal's format; a formatter the operator named
        // (Logging:Console:FormatterName=json) still wins.
        var configuration = builder.Configuration;
        builder.Services.PostConfigure<ConsoleLoggerOptions>(o =>
        {
            if (configuration[FormatterNameKey] is { Length: > 0 } name)
            {
                o.FormatterName = name;
            }
        });
        return builder;
    }

    /// <summary>
    /// Everything that must hold before the worker starts: a valid watchlist and a migrated database. Returns the
    /// problems to print (exit code 2); empty when the host may start.
    /// </summary>
    public static async Task<IReadOnlyList<string>> PrepareAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var loaded = services.GetRequiredService<WatchlistSource>().Load();
        if (!loaded.IsValid)
        {
            return [.. loaded.Problems.Select(static p => p.ToString())];
        }

        try
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            return [$"database {services.GetRequiredService<IOptions<StorageOptions>>().Value.Path}: {ex.Message}"];
        }

        services.GetRequiredService<WatchlistState>().Initialize(loaded.Document!, services.GetRequiredService<TimeProvider>().GetUtcNow());
        return [];
    }
}
