namespace Collector.Worker.Output;

/// <summary>
/// Values by (platform, watch key), one ordinal string dictionary per platform: over 100,000 entries, hashing one
/// string with the dictionary's fast ordinal comparer costs a fraction of hashing a tuple of two with the default one.
/// </summary>
internal sealed class WatchEntryLookup<T>
    where T : class
{
    private readonly Dictionary<string, Dictionary<string, T>> _byPlatform = new(StringComparer.Ordinal);

    /// <summary>Adds or replaces (the last value for a key wins).</summary>
    public void Set(string platform, string key, T value)
    {
        if (!_byPlatform.TryGetValue(platform, out var keys))
        {
            keys = new Dictionary<string, T>(StringComparer.Ordinal);
            _byPlatform.Add(platform, keys);
        }

        keys[key] = value;
    }

    public T? Find(string platform, string key) =>
        _byPlatform.TryGetValue(platform, out var keys) && keys.TryGetValue(key, out var value) ? value : null;
}
