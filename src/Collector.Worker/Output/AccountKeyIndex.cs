using System.Numerics;
using System.Runtime.CompilerServices;
using Collector.Core.Watchlist;

namespace Collector.Worker.Output;

/// <summary>
/// The positions of a watchlist's accounts by (platform, key), kept as one array of hashes and positions. A dictionary
/// of 100,000 key strings was 100,000 live objects, and the collection that first promoted them paused
/// <c>status</c> for about 50 ms (docs/benchmarks.md, item 21); this array holds no reference, so collections pass it
/// by. A match is confirmed against the account itself, so two keys with one hash never mix.
/// </summary>
internal sealed class AccountKeyIndex
{
    /// <summary>Below this many accounts the hashes are computed on one thread.</summary>
    private const int AccountsPerThread = 16 * 1024;

    private readonly IReadOnlyList<WatchedAccount> _accounts;

    /// <summary>Open addressing, at most half full: a hash in the high half, the position + 1 in the low; 0 is empty.</summary>
    private readonly long[] _slots;

    public AccountKeyIndex(IReadOnlyList<WatchedAccount> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        _accounts = accounts;
        _slots = new long[BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, 2 * accounts.Count))];
        var hashes = Hashes(accounts);
        for (var position = 0; position < hashes.Length; position++)
        {
            var slot = Home(hashes[position]);
            while (_slots[slot] != 0)
            {
                slot = Next(slot);
            }

            _slots[slot] = ((long)hashes[position] << 32) | (uint)(position + 1);
        }
    }

    /// <summary>The accounts with <paramref name="key"/> on <paramref name="platform"/>, in watchlist order.</summary>
    public Matches Find(string platform, string key)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(key);
        return new Matches(this, platform, key);
    }

    private static int Hash(string platform, string key) =>
        HashCode.Combine(StringComparer.Ordinal.GetHashCode(platform), StringComparer.Ordinal.GetHashCode(key));

    /// <summary>
    /// Each account's hash. Reading an account of a cached watchlist builds it, so a large watchlist is read on every
    /// core; the accounts are dropped at once.
    /// </summary>
    private static int[] Hashes(IReadOnlyList<WatchedAccount> accounts)
    {
        var hashes = new int[accounts.Count];
        var ranges = Math.Clamp(accounts.Count / AccountsPerThread, 1, Environment.ProcessorCount);
        var size = (accounts.Count / ranges) + 1;
        Parallel.For(0, ranges, range => HashRange(accounts, hashes, range * size, Math.Min(accounts.Count, (range + 1) * size)));
        return hashes;
    }

    // Once per account of a status: optimized from the first call, not run unoptimized by a fresh process.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void HashRange(IReadOnlyList<WatchedAccount> accounts, int[] hashes, int from, int to)
    {
        for (var position = from; position < to; position++)
        {
            var account = accounts[position];
            hashes[position] = Hash(account.Platform, account.Key);
        }
    }

    private int Home(int hash) => hash & (_slots.Length - 1);

    private int Next(int slot) => (slot + 1) & (_slots.Length - 1);

    /// <summary>Walks the slots from the key's home to the first empty one, yielding the accounts that match.</summary>
    public struct Matches
    {
        private readonly AccountKeyIndex _index;
        private readonly string _platform;
        private readonly string _key;
        private readonly int _hash;
        private int _slot;

        internal Matches(AccountKeyIndex index, string platform, string key)
        {
            (_index, _platform, _key) = (index, platform, key);
            _hash = Hash(platform, key);
            _slot = index.Home(_hash);
            Current = default;
        }

        public (int Position, WatchedAccount Account) Current { get; private set; }

        public readonly Matches GetEnumerator() => this;

        public bool MoveNext()
        {
            for (var slot = _index._slots[_slot]; slot != 0; slot = _index._slots[_slot])
            {
                _slot = _index.Next(_slot);
                if ((int)(slot >> 32) != _hash)
                {
                    continue;
                }

                var position = (int)(uint)slot - 1;
                var account = _index._accounts[position];
                if (string.Equals(account.Platform, _platform, StringComparison.Ordinal) && string.Equals(account.Key, _key, StringComparison.Ordinal))
                {
                    Current = (position, account);
                    return true;
                }
            }

            return false;
        }
    }
}
