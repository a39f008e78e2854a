namespace Collector.Core.Watchlist;

/// <summary>One validation problem, printed as <c>FILE:LINE:COL: message</c>.</summary>
public sealed record WatchlistProblem(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
