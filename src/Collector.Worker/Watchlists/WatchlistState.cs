using Collector.Core.Watchlist;

namespace Collector.Worker.Watchlists;

/// <summary>
/// The watchlist the running worker obeys: always the last valid one. A rejected edit is remembered next to it
/// (for health and logs) but never replaces it. Readers get an immutable snapshot.
/// </summary>
internal sealed class WatchlistState
{
    private Snapshot? _current;

    /// <summary>The watchlist in force; throws until <see cref="Initialize"/> has run.</summary>
    public WatchlistDocument Current => Read().Document;

    /// <summary>Everything health needs, read at once so the fields agree.</summary>
    public Snapshot Read() => Volatile.Read(ref _current) ?? throw new InvalidOperationException("The watchlist has not been loaded yet.");

    public void Initialize(WatchlistDocument document, DateTimeOffset at) =>
        Volatile.Write(ref _current, new Snapshot(document, at, 1, [], null));

    /// <summary>A valid edit: it takes over, and any earlier rejection is forgotten.</summary>
    public Snapshot Accept(WatchlistDocument document, DateTimeOffset at) =>
        Swap(old => new Snapshot(document, at, old.Version + 1, [], null));

    /// <summary>An invalid edit: the watchlist in force stays; the problems are kept for health.</summary>
    public Snapshot Reject(IReadOnlyList<WatchlistProblem> problems, DateTimeOffset at) =>
        Swap(old => old with { Problems = problems, RejectedAt = at });

    private Snapshot Swap(Func<Snapshot, Snapshot> change)
    {
        while (true)
        {
            var old = Read();
            var updated = change(old);
            if (ReferenceEquals(Interlocked.CompareExchange(ref _current, updated, old), old))
            {
                return updated;
            }
        }
    }

    /// <param name="Version">Grows by one with every accepted watchlist.</param>
    /// <param name="Problems">Why the latest edit was rejected; empty when the file on disk is the one in force.</param>
    internal sealed record Snapshot(
        WatchlistDocument Document,
        DateTimeOffset LoadedAt,
        int Version,
        IReadOnlyList<WatchlistProblem> Problems,
        DateTimeOffset? RejectedAt)
    {
        public bool FileIsValid => Problems.Count == 0;
    }
}
