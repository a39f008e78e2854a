using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Collector.Core.Watchlist;

/// <summary>
/// Turns YAML text into <see cref="SourceNode"/>s. Iterative (an explicit stack), so deeply nested
/// input cannot overflow the call stack. Aliases resolve to the anchored node; an anchor is only
/// known once its node is complete, which also rules out recursive structures.
/// </summary>
internal sealed class SourceTreeBuilder(ProblemList problems)
{
    /// <summary>
    /// A watchlist needs five levels. YamlDotNet's parser slows down quadratically with depth
    /// (30,000 nested '[' take seconds), so deeper input is refused before it gets there.
    /// </summary>
    public const int MaxDepth = 32;

    private readonly Dictionary<string, SourceNode> _anchors = new(StringComparer.Ordinal);
    private readonly Stack<Frame> _open = new();
    private readonly List<SourceNode> _documents = [];

    // Held back until the whole text has parsed: after a syntax error the tree is incomplete, and
    // e.g. "*/5" is first seen as an alias; only the syntax error is worth reporting then.
    private readonly List<(SourcePosition At, string Message)> _pending = [];
    private SourcePosition _lastSeen = SourcePosition.FileStart;

    /// <summary>The root of the only document, or null when the text has none or could not be parsed.</summary>
    public SourceNode? Build(string text)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            while (parser.MoveNext())
            {
                if (parser.Current is { } current)
                {
                    var at = SourcePosition.From(current.Start);
                    if (_open.Count >= MaxDepth && current is MappingStart or SequenceStart)
                    {
                        problems.Add(at, $"YAML nesting is deeper than {MaxDepth} levels; a watchlist needs no more than 5");
                        return null;
                    }

                    Accept(current, at);
                    if (!at.IsBefore(_lastSeen))
                    {
                        _lastSeen = at;
                    }
                }
            }
        }
        catch (YamlException ex)
        {
            problems.Add(SourcePosition.From(ex.Start), SyntaxMessage(ex.Message, text, ex.Start));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 16 throws this (not a YamlException) for some unterminated flow collections,
            // e.g. "a: [1, 2" followed by another key. The outermost open bracket is the likely culprit.
            var at = _open.Where(frame => frame.IsFlow).Select(frame => frame.Start).LastOrDefault() ?? _lastSeen;
            problems.Add(at, "YAML syntax error: the parser could not continue after this point (check that every '[' and '{' is closed, and the quotes and indentation)");
            return null;
        }

        foreach (var (at, message) in _pending)
        {
            problems.Add(at, message);
        }

        return _documents.Count > 0 ? _documents[0] : null;
    }

    private void Accept(ParsingEvent current, SourcePosition at)
    {
        // YamlDotNet gives the implicit mapping of a flow pair ("[x: jack]") an empty mark (1:1);
        // such a node takes the position of its first child instead.
        SourcePosition? start = at.IsBefore(_lastSeen) ? null : at;
        switch (current)
        {
            case DocumentStart when _documents.Count > 0:
                _pending.Add((at, "only one YAML document is allowed in a watchlist; remove this '---' and what follows, or merge it into the first document"));
                break;
            case MappingStart mapping:
                _open.Push(new Frame(start, mapping.Anchor, isMapping: true, mapping.Style is MappingStyle.Flow));
                break;
            case SequenceStart sequence:
                _open.Push(new Frame(start, sequence.Anchor, isMapping: false, sequence.Style is SequenceStyle.Flow));
                break;
            case MappingEnd or SequenceEnd:
                var frame = _open.Pop();
                Complete(frame.ToNode(at), frame.Anchor);
                break;
            case YamlDotNet.Core.Events.Scalar scalar:
                Complete(new SourceNode.Scalar(start ?? _lastSeen, scalar.Value, scalar.Style), scalar.Anchor);
                break;
            case AnchorAlias alias:
                Complete(ResolveAlias(alias, start ?? _lastSeen), AnchorName.Empty);
                break;
            default:
                break;
        }
    }

    private SourceNode ResolveAlias(AnchorAlias alias, SourcePosition at)
    {
        if (_anchors.TryGetValue(alias.Value.Value, out var target))
        {
            return target;
        }

        _pending.Add((at, $"unknown alias '*{DisplayText.Of(alias.Value.Value)}' (an anchor '&{DisplayText.Of(alias.Value.Value)}' must be defined, and complete, before it is used; quote values that start with '*')"));
        return new SourceNode.Scalar(at, "", ScalarStyle.Plain);
    }

    private void Complete(SourceNode node, AnchorName anchor)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }

        if (_open.TryPeek(out var parent))
        {
            parent.Add(node);
        }
        else
        {
            _documents.Add(node);
        }
    }

    private static string SyntaxMessage(string parserMessage, string text, Mark at)
    {
        var message = $"YAML syntax error: {parserMessage}";
        var index = at.Index;
        if (index < 0 || index >= text.Length)
        {
            return message;
        }

        // The two characters operators trip on: '@' (YouTube handles) and '*' (cron expressions)
        // cannot start an unquoted YAML value.
        return text[(int)index] switch
        {
            '@' => $"{message} Quote values that start with '@', e.g. \"@GoogleDevelopers\".",
            '*' => $"{message} Quote values that start with '*', e.g. \"*/5 * * * * ?\".",
            '`' => $"{message} Values cannot start with '`'; quote the value.",
            _ => message,
        };
    }

    /// <summary>A mapping or sequence whose children are still being read.</summary>
    private sealed class Frame(SourcePosition? start, AnchorName anchor, bool isMapping, bool isFlow)
    {
        private readonly List<SourceNode> _children = [];

        public SourcePosition? Start { get; private set; } = start;

        public AnchorName Anchor => anchor;

        public bool IsFlow => isFlow;

        public void Add(SourceNode child)
        {
            Start ??= child.Start;
            _children.Add(child);
        }

        /// <param name="end">Where the collection ends; the position of an empty one without a start mark.</param>
        public SourceNode ToNode(SourcePosition end)
        {
            var at = Start ?? end;
            if (!isMapping)
            {
                return new SourceNode.Sequence(at, [.. _children]);
            }

            // The parser always emits key/value pairs; an odd count cannot happen, but guard anyway.
            var entries = new List<SourceNode.Entry>(_children.Count / 2);
            for (var i = 0; i + 1 < _children.Count; i += 2)
            {
                entries.Add(new SourceNode.Entry(_children[i], _children[i + 1]));
            }

            return new SourceNode.Mapping(at, entries);
        }
    }
}
