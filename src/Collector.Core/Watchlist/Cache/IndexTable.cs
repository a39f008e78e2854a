namespace Collector.Core.Watchlist.Cache;

/// <summary>Distinct values in first-seen order, each with its position; written once, referred to by index.</summary>
internal sealed class IndexTable<T>(IEqualityComparer<T>? comparer = null)
    where T : notnull
{
    private readonly Dictionary<T, int> _indexes = new(comparer);
    private readonly List<T> _values = [];

    public IReadOnlyList<T> Values => _values;

    public int IndexOf(T value)
    {
        if (!_indexes.TryGetValue(value, out var index))
        {
            index = _values.Count;
            _indexes.Add(value, index);
            _values.Add(value);
        }

        return index;
    }
}
