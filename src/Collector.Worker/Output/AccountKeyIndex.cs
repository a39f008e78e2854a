using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
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
    /// <summary>Keys up to this many UTF-8 bytes are encoded on the stack to be hashed.</summary>
    private const int StackKeyBytes = 256;

    private readonly IReadOnlyList<WatchedAccount> _accounts;

    /// <summary>Open addressing, at most half full: a hash in the high half, the position + 1 in the low; 0 is empty.</summary>
    private readonly long[] _slots;

    /// <remarks>
    /// The keys are hashed as the document stores them: a cached watchlist hands over each key's bytes without building
    /// its entry, so 100,000 accounts are indexed in a few milliseconds on one core.
    /// </remarks>
    public AccountKeyIndex(WatchlistDocument watchlist)
    {
        ArgumentNullException.ThrowIfNull(watchlist);
        _accounts = watchlist.Accounts;
        _slots = new long[BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, 2 * _accounts.Count))];
        watchlist.VisitKeys(0, _accounts.Count, Add);
    }

    /// <summary>The accounts with <paramref name="key"/> on <paramref name="platform"/>, in watchlist order.</summary>
    public Matches Find(string platform, string key)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(key);
        Span<byte> bytes = Encoding.UTF8.GetMaxByteCount(key.Length) <= StackKeyBytes ? stackalloc byte[StackKeyBytes] : new byte[Encoding.UTF8.GetMaxByteCount(key.Length)];
        var hash = Hash(platform, bytes[..Encoding.UTF8.GetBytes(key, bytes)]);
        return new Matches(this, platform, key, hash);
    }

    private static int Hash(string platform, ReadOnlySpan<byte> key)
    {
        var hash = default(HashCode);
        hash.Add(platform, StringComparer.Ordinal);
        hash.AddBytes(key);
        return hash.ToHashCode();
    }

    // Once per account of a status: optimized from the first call, not run unoptimized by a fresh process.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Add(int position, string platform, ReadOnlySpan<byte> key)
    {
        var hash = Hash(platform, key);
        var slot = Home(hash);
        while (_slots[slot] != 0)
        {
            slot = Next(slot);
        }

        _slots[slot] = ((long)hash << 32) | (uint)(position + 1);
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

        internal Matches(AccountKeyIndex index, string platform, string key, int hash)
        {
            (_index, _platform, _key, _hash) = (index, platform, key, hash);
            _slot = index.Home(hash);
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
