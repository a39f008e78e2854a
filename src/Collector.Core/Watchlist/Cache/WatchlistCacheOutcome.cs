namespace Collector.Core.Watchlist.Cache;

/// <summary>What a cached load did, for tests and verbose output; the result is the same either way.</summary>
internal enum WatchlistCacheOutcome
{
    /// <summary>The document came from the cache file; the YAML was not parsed.</summary>
    Hit,

    /// <summary>Parsed and valid; the cache file now holds it.</summary>
    Stored,

    /// <summary>Parsed and valid, but the cache file could not be written (read-only directory, disk full).</summary>
    NotStored,

    /// <summary>Not a valid watchlist (or no readable file): never cached.</summary>
    Invalid,
}
