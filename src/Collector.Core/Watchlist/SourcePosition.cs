using YamlDotNet.Core;

namespace Collector.Core.Watchlist;

/// <summary>A 1-based line and column in the watchlist file.</summary>
internal readonly record struct SourcePosition(int Line, int Column)
{
    public static SourcePosition FileStart { get; } = new(1, 1);

    /// <summary>
    /// YamlDotNet marks are 1-based, but some exceptions carry an empty mark (0:0); clamp so every
    /// problem points at a real place in the file.
    /// </summary>
    public static SourcePosition From(Mark mark) => new(Clamp(mark.Line), Clamp(mark.Column));

    public bool IsBefore(SourcePosition other) => Line < other.Line || (Line == other.Line && Column < other.Column);

    public override string ToString() => $"line {Line}";

    private static int Clamp(long value) => (int)Math.Clamp(value, 1, int.MaxValue);
}
