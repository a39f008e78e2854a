namespace Collector.Core.Watchlist;

/// <summary>One account's identity as <see cref="WatchlistDocument.VisitKeys"/> hands it over.</summary>
/// <param name="position">The account's position in <see cref="WatchlistDocument.Accounts"/>.</param>
/// <param name="key">The normalized key (<see cref="WatchedAccount.Key"/>) as UTF-8; valid during the call only.</param>
public delegate void AccountKeyVisitor(int position, string platform, ReadOnlySpan<byte> key);
