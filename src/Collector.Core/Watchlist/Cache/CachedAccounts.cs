using System.Collections;
using System.Runtime.CompilerServices;
using System.Text;

namespace Collector.Core.Watchlist.Cache;

/// <summary>
/// The accounts of a cached document, decoded on first use. A command about one account (<c>history</c>,
/// <c>collect --account</c>) finds it in the bytes instead of building 100,000 entries and collecting them again,
/// most of such a command's time (docs/benchmarks.md, item 13). Every entry is checked when the file is read, so
/// decoding later cannot fail.
/// </summary>
internal sealed class CachedAccounts : IReadOnlyList<WatchedAccount>
{
    private readonly AccountTables _tables;
    private readonly int _start;
    private readonly int _end;
    private readonly Lazy<WatchedAccount[]> _decoded;

    // Dropped once decoded: the worker keeps its document for its lifetime and needs only the entries then.
    private byte[]? _bytes;

    private CachedAccounts(byte[] bytes, int start, int end, int count, AccountTables tables)
    {
        (_bytes, _start, _end, Count, _tables) = (bytes, start, end, count, tables);
        _decoded = new Lazy<WatchedAccount[]>(Decode, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public int Count { get; }

    public WatchedAccount this[int index] => _decoded.Value[index];

    /// <summary>Reads the account table at the reader's position, checking every entry without building any.</summary>
    // The loops below run once per entry in a process that lives a moment: optimized from the first call, not left
    // to tier-0 code (7x slower here) until the runtime would promote them.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static CachedAccounts Read(CacheReader reader, AccountTables tables)
    {
        var count = reader.ReadCount();
        var start = reader.Position;
        for (var i = 0; i < count; i++)
        {
            ReadEntry(reader, tables);
        }

        return new CachedAccounts(reader.Bytes, start, reader.Position, count, tables);
    }

    /// <summary>The entry of <paramref name="platform"/> with the normalized <paramref name="key"/>, or null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public WatchedAccount? Find(string platform, string key)
    {
        var bytes = _bytes;
        if (bytes is null)
        {
            return Array.Find(_decoded.Value, a => a.Platform == platform && a.Key == key);
        }

        var platformIndex = Array.IndexOf(_tables.Platforms, platform);
        var wanted = Encoding.UTF8.GetBytes(key);
        var reader = new CacheReader(bytes, _start, _end);
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

    public IEnumerator<WatchedAccount> GetEnumerator() => ((IEnumerable<WatchedAccount>)_decoded.Value).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private WatchedAccount[] Decode()
    {
        var reader = new CacheReader(_bytes!, _start, _end);
        var accounts = new WatchedAccount[Count];
        for (var i = 0; i < accounts.Length; i++)
        {
            accounts[i] = Build(reader, ReadEntry(reader, _tables));
        }

        _bytes = null;
        return accounts;
    }

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
