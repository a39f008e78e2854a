using YamlDotNet.Core;

namespace Collector.Core.Watchlist;

/// <summary>
/// A YAML node with its position. Built from parser events instead of YamlDotNet's representation
/// model because <c>YamlMappingNode</c> throws on the first duplicate key, which would hide every
/// other problem in the file; here a mapping keeps all its entries and the reader reports duplicates.
/// </summary>
internal abstract record SourceNode(SourcePosition Start)
{
    internal sealed record Scalar(SourcePosition Start, string Value, ScalarStyle Style) : SourceNode(Start)
    {
        /// <summary>An unquoted empty value, <c>~</c> or <c>null</c>: YAML's null.</summary>
        public bool IsNull => Style is ScalarStyle.Plain && Value is "" or "~" or "null" or "Null" or "NULL";

        public bool IsPlain => Style is ScalarStyle.Plain;
    }

    internal sealed record Mapping(SourcePosition Start, IReadOnlyList<Entry> Entries) : SourceNode(Start);

    internal sealed record Sequence(SourcePosition Start, IReadOnlyList<SourceNode> Items) : SourceNode(Start);

    internal sealed record Entry(SourceNode Key, SourceNode Value);

    /// <summary>Words for messages such as "expected a mapping, got a list".</summary>
    public string Kind => this switch
    {
        Scalar { IsNull: true } => "nothing",
        Scalar scalar => $"'{DisplayText.Of(scalar.Value)}'",
        Mapping => "a mapping",
        _ => "a list",
    };
}
