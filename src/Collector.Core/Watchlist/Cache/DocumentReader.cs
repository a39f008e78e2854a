using Collector.Core.Bands;

namespace Collector.Core.Watchlist.Cache;

/// <summary>
/// Reads what <see cref="DocumentWriter"/> wrote. Accounts point into the tables, so equal values are one shared
/// instance; they are decoded when first used (<see cref="CachedAccounts"/>). Throws
/// <see cref="InvalidDataException"/> on anything it did not write.
/// </summary>
internal sealed class DocumentReader(CacheReader input)
{
    public WatchlistDocument Read(string path)
    {
        var platforms = ReadTable(() => SharedValues.Platform(input.ReadString()));
        var schedules = ReadTable(ReadSchedule);
        var bands = ReadTable(() => new BandSettings(input.ReadInt64(), input.ReadInt64(), input.ReadDouble(), input.ReadInt32()));
        var tagLists = ReadTable(() => (IReadOnlyList<string>)ReadTable(input.ReadString));

        var global = ReadDefaults(schedules, bands);
        var defaults = ReadTable(() => (Platform: SharedValues.Platform(input.ReadString()), Defaults: ReadDefaults(schedules, bands)));
        var accounts = CachedAccounts.Read(input, new AccountTables(platforms, schedules, bands, tagLists));

        return new WatchlistDocument(
            path,
            global,
            defaults.ToDictionary(d => d.Platform, d => d.Defaults, StringComparer.Ordinal),
            accounts);
    }

    private PlatformDefaults ReadDefaults(Schedule[] schedules, BandSettings[] bands) =>
        new(schedules[input.ReadIndex(schedules.Length)], input.ReadCount(), bands[input.ReadIndex(bands.Length)]);

    private Schedule ReadSchedule() => input.ReadByte() switch
    {
        WatchlistCacheFormat.EverySchedule => new Schedule.Every(TimeSpan.FromTicks(input.ReadInt64())),
        WatchlistCacheFormat.CronSchedule => new Schedule.Cron(input.ReadString()),
        var kind => throw new InvalidDataException($"unknown schedule kind {kind}"),
    };

    private T[] ReadTable<T>(Func<T> read)
    {
        // Every item takes at least one byte, so a count beyond what is left is damage, not a reason to allocate.
        var count = input.ReadCount();
        if (count > input.End - input.Position)
        {
            throw new InvalidDataException($"a table of {count} items cannot fit in what is left of the file");
        }

        if (count == 0)
        {
            return [];
        }

        var items = new T[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = read();
        }

        return items;
    }
}
