using Collector.Core.Bands;
using Collector.Core.Platforms;

namespace Collector.Core.Watchlist;

/// <summary>
/// Hands out one instance per distinct value while a watchlist is materialized. A large watchlist repeats the
/// same few bands, schedules, tag lists and platform keys on every account; the document stays in memory for
/// the life of the worker, so one copy per account would be most of its live heap. The values are immutable,
/// so sharing them is invisible to readers.
/// </summary>
internal sealed class SharedValues
{
    private readonly Dictionary<BandSettings, BandSettings> _bands = [];
    private readonly Dictionary<Schedule, Schedule> _schedules = [];
    private readonly Dictionary<IReadOnlyList<string>, IReadOnlyList<string>> _tagLists = new(TagListComparer.Instance);

    public BandSettings Share(BandSettings band) => Share(_bands, band);

    public Schedule Share(Schedule schedule) => Share(_schedules, schedule);

    public IReadOnlyList<string> Share(IReadOnlyList<string> tags) => tags.Count == 0 ? [] : Share(_tagLists, tags);

    /// <summary>The constant for a known platform key (a parser hands out a fresh string per occurrence).</summary>
    public static string Platform(string key) => key switch
    {
        PlatformKeys.Bluesky => PlatformKeys.Bluesky,
        PlatformKeys.Mastodon => PlatformKeys.Mastodon,
        PlatformKeys.X => PlatformKeys.X,
        PlatformKeys.YouTube => PlatformKeys.YouTube,
        _ => key,
    };

    /// <summary><paramref name="text"/>, or <paramref name="equal"/> when they are the same text (a key is usually its handle).</summary>
    public static string SameOrOwn(string text, string equal) => string.Equals(text, equal, StringComparison.Ordinal) ? equal : text;

    private static T Share<T>(Dictionary<T, T> pool, T value)
        where T : notnull
    {
        if (pool.TryGetValue(value, out var shared))
        {
            return shared;
        }

        pool.Add(value, value);
        return value;
    }
}
