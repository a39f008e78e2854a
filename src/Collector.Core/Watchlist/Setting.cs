namespace Collector.Core.Watchlist;

/// <summary>A setting's value and where it was written; <see cref="At"/> is null for a built-in default.</summary>
internal sealed record Setting<T>(T Value, SourcePosition? At)
    where T : notnull
{
    /// <summary>"line 7" or "the default", for messages that point at the other side of a conflict.</summary>
    public string Origin => At is { } at ? $"set at line {at.Line}" : "the default";
}
