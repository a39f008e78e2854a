namespace Collector.Core.Watchlist.Cache;

/// <summary>
/// The cache file: <c>magic | version | key | document | SHA-256 of everything before it</c>. The trailing hash
/// turns a torn or bit-flipped file into a miss instead of a wrong watchlist.
/// </summary>
internal static class WatchlistCacheFormat
{
    /// <summary>Raise whenever the layout written by <see cref="DocumentWriter"/> changes.</summary>
    public const int Version = 1;

    public const int HashBytes = 32;

    public const byte EverySchedule = 0;

    public const byte CronSchedule = 1;

    /// <summary>A document is smaller than the YAML it came from plus a few bytes per account; more is not ours.</summary>
    public const int MaxFileBytes = 4 * WatchlistLoader.MaxFileBytes;

    public static ReadOnlySpan<byte> Magic => "CWLC"u8;

    public static int HeaderBytes => Magic.Length + sizeof(int) + HashBytes;
}
