using Collector.Core.Storage;
using Collector.Core.Watchlist;

namespace Collector.Core.Scheduling;

/// <summary>What the database remembers of each entry's attempts, looked up by (platform, watch key).</summary>
public sealed class AttemptHistory
{
    private readonly Dictionary<(string Platform, string WatchKey), CollectionStateRecord> _states;

    private AttemptHistory(Dictionary<(string, string), CollectionStateRecord> states) => _states = states;

    public static AttemptHistory Empty { get; } = new([]);

    public static AttemptHistory From(IEnumerable<WatchEntryState> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var states = new Dictionary<(string, string), CollectionStateRecord>();
        foreach (var entry in entries)
        {
            states[(entry.Platform, entry.WatchKey)] = entry.State;
        }

        return new AttemptHistory(states);
    }

    /// <summary>Null when the entry was never attempted.</summary>
    public CollectionStateRecord? For(WatchedAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return _states.GetValueOrDefault((account.Platform, account.Key));
    }
}
