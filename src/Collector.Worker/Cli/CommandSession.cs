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

        WatchlistDocument? watchlist = null;
        if (needsWatchlist)
        {
            var result = host.Services.GetRequiredService<WatchlistSource>().Load();
            if (!result.IsValid)
            {
                foreach (var problem in result.Problems)
                {
                    await console.Error.WriteLineAsync(problem.ToString());
                }

                host.Dispose();
                return (null, ExitCodes.UsageOrConfiguration);
            }

            watchlist = result.Document;
        }

        if (!needsDatabase)
        {
            return (new CommandSession(host, watchlist), ExitCodes.Success);
        }

        try
        {
            await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            var path = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.Path;
            await console.Error.WriteLineAsync($"database {path}: {ex.Message}");
            host.Dispose();
            return (null, ExitCodes.UsageOrConfiguration);
        }

        return (new CommandSession(host, watchlist), ExitCodes.Success);
    }

    public void Dispose() => _host.Dispose();
}
