namespace Collector.Core.Watchlist;

/// <summary>
/// Expects a mapping or a list. An empty value (<c>band:</c> with everything below commented out)
/// counts as an empty mapping or list, because that is what the operator means by it.
/// </summary>
internal static class NodeShapes
{
    public static SourceNode.Mapping? Mapping(SourceNode node, string name, ProblemList problems, string? example = null)
    {
        switch (node)
        {
            case SourceNode.Mapping mapping:
                return mapping;
            case SourceNode.Scalar { IsNull: true }:
                return new SourceNode.Mapping(node.Start, []);
            default:
                var hint = example is null ? "" : $", e.g. {example}";
                problems.Add(node, $"{name} must be a mapping of keys to values{hint}; got {node.Kind}");
                return null;
        }
    }

    public static SourceNode.Sequence? Sequence(SourceNode node, string name, ProblemList problems, string example)
    {
        switch (node)
        {
            case SourceNode.Sequence sequence:
                return sequence;
            case SourceNode.Scalar { IsNull: true }:
                return new SourceNode.Sequence(node.Start, []);
            default:
                problems.Add(node, $"{name} must be a list, e.g. {example}; got {node.Kind}");
                return null;
        }
    }
}
