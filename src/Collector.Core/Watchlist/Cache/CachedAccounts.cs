using System.Collections;
using System.Runtime.CompilerServices;
using System.Text;

namespace Collector.Core.Watchlist.Cache;

/// <summary>
/// The accounts of a cached document, kept as the cache file's bytes and built each time they are read. A
/// long-running worker holds its watchlist for its lifetime, and 100,000 built entries are about 13 MB of live heap
/// against 3 MB of bytes; it reads them once per round, which builds them for the round (docs/benchmarks.md, item
/// 13). A command about one account (<c>history</c>, <c>collect --account</c>) finds it without building the others.
/// Every entry is checked when the file is read, so reading one later cannot fail.
/// </summary>
internal sealed class CachedAccounts : IReadOnlyList<WatchedAccount>
{
    private readonly byte[] _bytes;
    private readonly int[] _offsets;
    private readonly int _end;
    private readonly AccountTables _tables;

    private CachedAccounts(byte[] bytes, int[] offsets, int end, AccountTables tables) =>
        (_bytes, _offsets, _end, _tables) = (bytes, offsets, end, tables);

    public int Count => _offsets.Length;

    private int FirstEntry => Count > 0 ? _offsets[0] : _end;

    /// <summary>Entry <paramref name="index"/>, built anew: equal to, not the same instance as, an earlier read.</summary>
    public WatchedAccount this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var reader = new CacheReader(_bytes, _offsets[index], _end);
            return Build(reader, ReadEntry(reader, _tables));
        }
    }

    /// <summary>Reads the account table at the reader's position, checking every entry without building any.</summary>
    // The loops below run once per entry in a process that lives a moment: optimized from the first call, not left
    // to tier-0 code (7x slower here) until the runtime would promote them.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static CachedAccounts Read(CacheReader reader, AccountTables tables)
    {
        var offsets = new int[reader.ReadCount()];
        for (var i = 0; i < offsets.Length; i++)
        {
            offsets[i] = reader.Position;
            ReadEntry(reader, tables);
        }

        return new CachedAccounts(reader.Bytes, offsets, reader.Position, tables);
    }

    /// <summary>The entry of <paramref name="platform"/> with the normalized <paramref name="key"/>, or null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public WatchedAccount? Find(string platform, string key)
    {
        var platformIndex = Array.IndexOf(_tables.Platforms, platform);
        var wanted = Encoding.UTF8.GetBytes(key);
        var reader = new CacheReader(_bytes, FirstEntry, _end);
        while (platformIndex >= 0 && reader.Position < _end)
        {
            var entry = ReadEntry(reader, _tables);
            if (entry.Platform == platformIndex && reader.Utf8(entry.Key).SequenceEqual(wanted))
            {
                return Build(reader, entry);
            }
        }

        return null;
    }

    /// <inheritdoc cref="WatchlistDocument.VisitKeys"/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void VisitKeys(int from, int to, AccountKeyVisitor visit)
    {
        var reader = new CacheReader(_bytes, from < Count ? _offsets[from] : _end, _end);
        for (var position = from; position < to; position++)
        {
            var entry = ReadEntry(reader, _tables);
            visit(position, _tables.Platforms[entry.Platform], reader.Utf8(entry.Key));
        }
    }

    /// <summary>How many entries each platform has, without building them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Dictionary<string, int> CountByPlatform()
    {
        var counts = new int[_tables.Platforms.Length];
        var reader = new CacheReader(_bytes, FirstEntry, _end);
        while (reader.Position < _end)
        {
            counts[ReadEntry(reader, _tables).Platform]++;
        }

        return _tables.Platforms.Zip(counts).Where(static p => p.Second > 0).ToDictionary(static p => p.First, static p => p.Second, StringComparer.Ordinal);
    }

    public IEnumerator<WatchedAccount> GetEnumerator()
    {
        var reader = new CacheReader(_bytes, FirstEntry, _end);
        for (var i = 0; i < Count; i++)
        {
            yield return Build(reader, ReadEntry(reader, _tables));
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private WatchedAccount Build(CacheReader reader, Entry entry)
    {
        var handle = reader.Text(entry.Handle);
        return new WatchedAccount(
            _tables.Platforms[entry.Platform],
            handle,
            entry.Key == entry.Handle ? handle : reader.Text(entry.Key),
            _tables.TagLists[entry.Tags],
            _tables.Schedules[entry.Schedule],
            entry.EngagementPosts,
            _tables.Bands[entry.Band],
            entry.Note is { } note ? reader.Text(note) : null,
            entry.Line,
            entry.Column);
    }

    // The layout DocumentWriter.WriteAccount writes; arguments are evaluated in the order written.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Entry ReadEntry(CacheReader reader, AccountTables tables)
    {
        var platform = reader.ReadIndex(tables.Platforms.Length);
        var handle = reader.ReadText();
        return new Entry(
            platform,
            handle,
            Key: reader.ReadBoolean() ? handle : reader.ReadText(),
            Tags: reader.ReadIndex(tables.TagLists.Length),
            Schedule: reader.ReadIndex(tables.Schedules.Length),
            EngagementPosts: reader.ReadCount(),
            Band: reader.ReadIndex(tables.Bands.Length),
            Note: reader.ReadBoolean() ? reader.ReadText() : null,
            Line: reader.ReadCount(),
            Column: reader.ReadCount());
    }

    /// <summary>One entry's values, its strings as places in the bytes.</summary>
    private readonly record struct Entry(
        int Platform,
        (int Start, int Length) Handle,
        (int Start, int Length) Key,
        int Tags,
        int Schedule,
        int EngagementPosts,
        int Band,
        (int Start, int Length)? Note,
        int Line,
        int Column);
}
