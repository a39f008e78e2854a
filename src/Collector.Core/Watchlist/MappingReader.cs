namespace Collector.Core.Watchlist;

/// <summary>
/// Checks the keys of one mapping (scalar, known, not repeated) and hands back the usable entries
/// by key. Problems are reported at the offending key.
/// </summary>
internal static class MappingReader
{
    /// <param name="context">Where the mapping is, for messages: "at the top level", "in band".</param>
    /// <param name="describeUnknown">
    /// Builds the message for an unknown key; null for the standard "unknown key 'k' context" message
    /// with a "did you mean" hint.
    /// </param>
    public static Dictionary<string, SourceNode.Entry> Read(
        SourceNode.Mapping mapping,
        IReadOnlyList<string> allowed,
        string context,
        ProblemList problems,
        Func<string, string>? describeUnknown = null)
    {
        var entries = new Dictionary<string, SourceNode.Entry>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            if (entry.Key is not SourceNode.Scalar { IsNull: false } key)
            {
                problems.Add(entry.Key, $"keys must be plain words; got {entry.Key.Kind} {context}");
                continue;
            }

            if (entries.TryGetValue(key.Value, out var first))
            {
                problems.Add(key, $"duplicate key '{DisplayText.Of(key.Value)}' {context} (first at line {first.Key.Start.Line})");
                continue;
            }

            if (!OrdinalList.Contains(allowed, key.Value))
            {
                problems.Add(key, describeUnknown?.Invoke(key.Value) ?? UnknownKey(key.Value, allowed, context));
                continue;
            }

            entries.Add(key.Value, entry);
        }

        return entries;
    }

    public static string UnknownKey(string key, IReadOnlyList<string> allowed, string context) =>
        KeySuggestions.Closest(key, allowed) is { } match
            ? $"unknown key '{DisplayText.Of(key)}' {context} (did you mean '{match}'?)"
            : $"unknown key '{DisplayText.Of(key)}' {context}; allowed keys: {string.Join(", ", allowed)}";
}
