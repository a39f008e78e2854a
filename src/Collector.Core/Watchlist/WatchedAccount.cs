using Collector.Core.Bands;

namespace Collector.Core.Watchlist;

/// <summary>One watchlist entry with its effective settings (account over platform over global).</summary>
/// <param name="Handle">The handle as the operator wrote it.</param>
/// <param name="Key">The normalized handle used to identify the entry in the database (see HandleRules).</param>
/// <param name="Line">1-based line of the entry in the watchlist file (for messages).</param>
public sealed record WatchedAccount(
    string Platform,
    string Handle,
    string Key,
    IReadOnlyList<string> Tags,
    Schedule Schedule,
    int EngagementPosts,
    BandSettings Band,
    string? Note,
    int Line,
    int Column)
{
    /// <summary>The <c>platform:handle</c> form used on the command line and in messages.</summary>
    public string Display => $"{Platform}:{Handle}";
}
