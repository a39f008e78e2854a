using System.Collections;

namespace Collector.Storage.Tests.Durability;

/// <summary>A batch that remembers how far the writer read into it, to prove a failure came midway.</summary>
internal sealed class ReadTracking<T>(IReadOnlyList<T> items) : IReadOnlyList<T>
{
    public int HighestRead { get; private set; } = -1;

    public int Count => items.Count;

    public T this[int index]
    {
        get
        {
            HighestRead = Math.Max(HighestRead, index);
            return items[index];
        }
    }

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
