namespace Collector.Core.Watchlist;

/// <summary>
/// Membership in the short key lists, by index: LINQ's Contains with a comparer allocates an enumerator per call,
/// and it runs for every key of every account.
/// </summary>
internal static class OrdinalList
{
    public static bool Contains(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
