using Collector.Core.Watchlist;
using Collector.Worker.Settings;
using Microsoft.Extensions.Options;

namespace Collector.Worker.Watchlists;

/// <summary>Reads the configured watchlist file with the scheduler's cron rules.</summary>
internal sealed class WatchlistSource(IOptions<WatchlistOptions> options)
{
    public string Path => options.Value.Path;

    public WatchlistLoadResult Load() => WatchlistLoader.Load(Path, QuartzCron.Validate);
}
