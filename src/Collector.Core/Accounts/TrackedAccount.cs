namespace Collector.Core.Accounts;

/// <summary>A watchlist entry that has been resolved to a stable platform id.</summary>
/// <param name="WatchKey">The entry's normalized handle (<see cref="Watchlist.WatchedAccount.Key"/>).</param>
/// <param name="AccountId">The database id of the account.</param>
/// <param name="Handle">The account's current handle as last seen on the platform.</param>
/// <param name="PostsRef">Platform pointer needed to list posts (YouTube uploads playlist), if any.</param>
/// <param name="HasFailureState">The entry has failures, an error or a retry time that a success must clear.</param>
public sealed record TrackedAccount(string WatchKey, long AccountId, string PlatformId, string Handle, string? PostsRef, bool HasFailureState);
