using Collector.Core.Watchlist;

namespace Collector.Worker.Jobs;

/// <summary>Accounts one round may collect; disposing hands them back.</summary>
internal sealed class AccountClaim(InFlightAccounts owner, IReadOnlyList<WatchedAccount> accounts, int busy) : IDisposable
{
    private int _released;

    public IReadOnlyList<WatchedAccount> Accounts { get; } = accounts;

    /// <summary>How many requested accounts were left out because another round is collecting them.</summary>
    public int Busy { get; } = busy;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            owner.Release(Accounts);
        }
    }
}
