namespace Collector.Core.Watchlist;

/// <summary>Collects every problem of one load, so the operator sees them all in one pass.</summary>
internal sealed class ProblemList(string file)
{
    private readonly List<WatchlistProblem> _problems = [];

    public string File { get; } = file;

    public int Count => _problems.Count;

    public void Add(SourcePosition at, string message) =>
        _problems.Add(new WatchlistProblem(File, at.Line, at.Column, message));

    public void Add(SourceNode at, string message) => Add(at.Start, message);

    /// <summary>Problems in file order; stable for problems at the same place.</summary>
    public IReadOnlyList<WatchlistProblem> ToList() =>
        [.. _problems.OrderBy(p => p.Line).ThenBy(p => p.Column)];
}
