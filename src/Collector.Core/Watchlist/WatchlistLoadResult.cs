namespace Collector.Core.Watchlist;

/// <summary>Either a valid document or every problem found (never both, never neither).</summary>
public sealed record WatchlistLoadResult(WatchlistDocument? Document, IReadOnlyList<WatchlistProblem> Problems)
{
    public bool IsValid => Document is not null && Problems.Count == 0;
}
