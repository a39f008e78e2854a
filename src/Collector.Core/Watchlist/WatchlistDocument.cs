namespace Collector.Core.Watchlist;

/// <summary>A parsed, valid watchlist. Accounts carry their effective settings.</summary>
/// <param name="Global">The top-level schedule, engagement_posts and band.</param>
/// <param name="Platforms">Effective defaults per platform key (every known platform has an entry).</param>
public sealed record WatchlistDocument(
    string Path,
    PlatformDefaults Global,
    IReadOnlyDictionary<string, PlatformDefaults> Platforms,
    IReadOnlyList<WatchedAccount> Accounts);
