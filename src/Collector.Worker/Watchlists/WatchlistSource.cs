using Collector.Core.Watchlist;
using Collector.Core.Watchlist.Cache;
using Collector.Worker.Settings;
using Microsoft.Extensions.Options;
using Quartz;

namespace Collector.Worker.Watchlists;

/// <summary>
/// Reads the configured watchlist file with the scheduler's cron rules. A valid watchlist is remembered beside the
/// database (whose directory is writable by design, unlike e.g. /etc where the watchlist may live), so the next
/// command or start-up on the same bytes skips parsing.
/// </summary>
internal sealed class WatchlistSource(IOptions<WatchlistOptions> options, IOptions<StorageOptions> storage)
{
    public const string CacheSuffix = ".watchlist-cache";

    /// <summary>This assembly supplies the cron validator, Quartz does the checking: either changing invalidates the cache.</summary>
    private static readonly string CronValidatorIdentity =
        $"{typeof(QuartzCron).Assembly.ManifestModule.ModuleVersionId}|{typeof(CronExpression).Assembly.ManifestModule.ModuleVersionId}";

    public string Path => options.Value.Path;

    public string CachePath => storage.Value.Path + CacheSuffix;

    public WatchlistLoadResult Load() => Load(out _);

    public WatchlistLoadResult Load(out WatchlistCacheOutcome outcome) =>
        new WatchlistCache(CachePath, CronValidatorIdentity).Load(Path, QuartzCron.Validate, out outcome);
}
