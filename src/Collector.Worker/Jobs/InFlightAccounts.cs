using Collector.Core.Watchlist;

namespace Collector.Worker.Jobs;

/// <summary>
/// The accounts a round is collecting right now. [DisallowConcurrentExecution] keeps one group's rounds apart;
/// this keeps an account from being collected twice when a watchlist edit moves it to another group (another
/// schedule) while its old group's round is still running.
/// </summary>
internal sealed class InFlightAccounts
{
    private readonly Lock _lock = new();
    private readonly HashSet<(string Platform, string Key)> _busy = [];

    /// <summary>Claims the accounts nobody is collecting; the claim releases them when disposed.</summary>
    public AccountClaim Claim(IReadOnlyList<WatchedAccount> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var claimed = new List<WatchedAccount>(accounts.Count);
        lock (_lock)
        {
            foreach (var account in accounts)
            {
                if (_busy.Add((account.Platform, account.Key)))
                {
                    claimed.Add(account);
                }
            }
        }

        return new AccountClaim(this, claimed, accounts.Count - claimed.Count);
    }

    /// <summary>True when no round is collecting anything.</summary>
    public bool IsIdle
    {
        get
        {
            lock (_lock)
            {
                return _busy.Count == 0;
            }
        }
    }

    public bool IsBusy(WatchedAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        lock (_lock)
        {
            return _busy.Contains((account.Platform, account.Key));
        }
    }

    internal void Release(IReadOnlyList<WatchedAccount> accounts)
    {
        lock (_lock)
        {
            foreach (var account in accounts)
            {
                _busy.Remove((account.Platform, account.Key));
            }
        }
    }
}
