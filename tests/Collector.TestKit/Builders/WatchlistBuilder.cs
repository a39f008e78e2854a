using Collector.Core.Bands;
using Collector.Core.Watchlist;

namespace Collector.TestKit.Builders;

/// <summary>Builds watchlist documents in code, with the defaults <see cref="WatchedAccountBuilder"/> uses.</summary>
public static class WatchlistBuilder
{
    public static WatchlistDocument Document(IReadOnlyList<WatchedAccount> accounts) => new(
        "watchlist.yaml",
        new PlatformDefaults(new Schedule.Every(TimeSpan.FromHours(6)), 12, BandSettings.Default),
        new Dictionary<string, PlatformDefaults>(),
        accounts);
}
