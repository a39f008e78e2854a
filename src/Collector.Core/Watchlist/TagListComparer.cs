namespace Collector.Core.Watchlist;

/// <summary>Tag lists are equal when they hold the same tags in the same order.</summary>
internal sealed class TagListComparer : IEqualityComparer<IReadOnlyList<string>>
{
    public static TagListComparer Instance { get; } = new();

    public bool Equals(IReadOnlyList<string>? x, IReadOnlyList<string>? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && x.SequenceEqual(y, StringComparer.Ordinal));

    public int GetHashCode(IReadOnlyList<string> obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var hash = new HashCode();
        foreach (var tag in obj)
        {
            hash.Add(tag, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }
}
