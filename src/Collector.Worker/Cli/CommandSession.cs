using Collector.Core.Watchlist;
using Collector.Storage.Migrations;
using Collector.Worker.Hosting;
using Collector.Worker.Settings;
using Collector.Worker.Watchlists;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Collector.Worker.Cli;

/// <summary>
/// What a one-off command needs, opened in order: settings (validated), the watchlist (validated), the database
/// (migrated). Any problem is printed plainly and turned into exit code 2 instead of an exception.
/// </summary>
internal sealed class CommandSession : IDisposable
{
    private readonly IHost _host;

    private CommandSession(IHost host, WatchlistDocument? watchlist)
    {
        _host = host;
        Watchlist = watchlist;
    }

    public IServiceProvider Services => _host.Services;

    public WatchlistDocument? Watchlist { get; }

    public static async Task<(CommandSession? Session, int ExitCode)> OpenAsync(
        CommandLineSettings cli, CliConsole console, bool needsWatchlist, CancellationToken cancellationToken, bool needsDatabase = true)
    {
        IHost host;
        try
        {
            host = CollectorHost.CreateBuilder(cli, longRunning: false, console.LogSink).Build();
            host.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch (Exception ex) when (SettingsError.Describe(ex) is { } message)
        {
            await console.Error.WriteLineAsync(message);
            return (null, ExitCodes.UsageOrConfiguration);
        }

        // The database is migrated while the watchlist is read: neither needs the other (a 100,000-entry watchlist
        // takes about as long to load from its cache as the migration check). Problems are reported in the same
        // order as before: the watchlist's first.
        var migration = needsDatabase ? MigrateAsync(host, cancellationToken) : Task.FromResult<string?>(null);
        var loaded = needsWatchlist ? host.Services.GetRequiredService<WatchlistSource>().Load() : null;
        var databaseProblem = await migration;
        if (loaded is { IsValid: false })
        {
            foreach (var problem in loaded.Problems)
            {
                await console.Error.WriteLineAsync(problem.ToString());
            }

            host.Dispose();
            return (null, ExitCodes.UsageOrConfiguration);
        }

        if (databaseProblem is not null)
        {
            await console.Error.WriteLineAsync(databaseProblem);
            host.Dispose();
            return (null, ExitCodes.UsageOrConfiguration);
        }

        return (new CommandSession(host, loaded?.Document), ExitCodes.Success);
    }

    /// <summary>Migrates on the thread pool; the problem to print, or null when the database is ready.</summary>
    private static Task<string?> MigrateAsync(IHost host, CancellationToken cancellationToken) => Task.Run(async () =>
    {
        try
        {
            await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            var path = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.Path;
            return $"database {path}: {ex.Message}";
        }
    }, cancellationToken);

    public void Dispose() => _host.Dispose();
}
