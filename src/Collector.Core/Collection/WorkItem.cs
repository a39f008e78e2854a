using Collector.Core.Accounts;
using Collector.Core.Watchlist;

namespace Collector.Core.Collection;

/// <summary>A watchlist entry paired with what the database knows of it (null until first resolved).</summary>
internal sealed record WorkItem(WatchedAccount Account, TrackedAccount? Tracked)
{
    /// <summary>The value sent to the platform: the stable id once known, else the normalized handle to resolve.</summary>
    public string RequestKey => Tracked?.PlatformId ?? Account.Key;
}
