using System.Text;
using Collector.Core.Watchlist.Cache;

namespace Collector.Core.Watchlist;

/// <summary>A parsed, valid watchlist. Accounts carry their effective settings.</summary>
/// <param name="Global">The top-level schedule, engagement_posts and band.</param>
/// <param name="Platforms">Effective defaults per platform key (every known platform has an entry).</param>
public sealed record WatchlistDocument(
    string Path,
    PlatformDefaults Global,
    IReadOnlyDictionary<string, PlatformDefaults> Platforms,
    IReadOnlyList<WatchedAccount> Accounts)
{
    /// <summary>
    /// The entry of <paramref name="platform"/> with the normalized <paramref name="key"/>, or null; a document from
    /// the cache answers without decoding its other accounts.
    /// </summary>
    public WatchedAccount? Find(string platform, string key) => Accounts is CachedAccounts cached
        ? cached.Find(platform, key)
        : Accounts.FirstOrDefault(a => a.Platform == platform && a.Key == key);

    /// <summary>
    /// Hands <paramref name="visit"/> the platform and the UTF-8 bytes of the key of each account from position
    /// <paramref name="from"/> up to <paramref name="to"/>, in order; a document from the cache does so without
    /// building the entries.
    /// </summary>
    public void VisitKeys(int from, int to, AccountKeyVisitor visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(to, Accounts.Count);
        if (Accounts is CachedAccounts cached)
        {
            cached.VisitKeys(from, to, visit);
            return;
        }

        for (var position = from; position < to; position++)
        {
            var account = Accounts[position];
            visit(position, account.Platform, Encoding.UTF8.GetBytes(account.Key));
        }
    }

    /// <summary>
    /// How many accounts each platform has (platforms without any are left out), without building the entries of a
    /// cached document.
    /// </summary>
    public IReadOnlyDictionary<string, int> CountByPlatform() => Accounts is CachedAccounts cached
        ? cached.CountByPlatform()
        : Accounts.CountBy(static a => a.Platform, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
}
