using Collector.Core.Analytics;
using Collector.Core.Bands;
using Collector.Core.Storage;

namespace Collector.Core.Tests.Analytics;

/// <summary>A hand-written analysis store: snapshots per platform id, saved states and events keyed like the real one.</summary>
internal sealed class InMemoryAnalysisStore : IAnalysisStore
{
    private long _nextId = 1;

    public Dictionary<string, List<StoredSnapshot>> Snapshots { get; } = new(StringComparer.Ordinal);

    public Dictionary<long, (BandState State, long Cursor)> States { get; } = [];

    public Dictionary<string, AccountEvent> Events { get; } = new(StringComparer.Ordinal);

    public List<Notifications.OutboxEntry> Outbox { get; } = [];

    public int Saves { get; private set; }

    public void Add(string platformId, SnapshotRecord snapshot)
    {
        if (!Snapshots.TryGetValue(platformId, out var list))
        {
            Snapshots[platformId] = list = [];
        }

        list.Add(new StoredSnapshot(_nextId++, snapshot with { AccountId = AccountIdOf(platformId) }));
    }

    public long AccountIdOf(string platformId) => Snapshots.Keys.ToList().IndexOf(platformId) + 100;

    public Task<IReadOnlyList<AnalysisInput>> LoadAsync(
        string platform, IReadOnlyCollection<string> platformIds, DateTimeOffset historySince, CancellationToken cancellationToken)
    {
        var inputs = new List<AnalysisInput>();
        foreach (var id in platformIds.Where(Snapshots.ContainsKey))
        {
            var accountId = AccountIdOf(id);
            var (state, cursor) = States.GetValueOrDefault(accountId, (BandState.Initial, 0));
            var rows = Snapshots[id].Where(s => s.Id > cursor || s.Snapshot.CollectedAt >= historySince).ToList();
            inputs.Add(new AnalysisInput(accountId, id, "handle-" + id, state, cursor, rows));
        }

        return Task.FromResult<IReadOnlyList<AnalysisInput>>(inputs);
    }

    public Task SaveAsync(IReadOnlyList<AnalysisUpdate> updates, CancellationToken cancellationToken)
    {
        Saves++;
        foreach (var update in updates)
        {
            if (States.GetValueOrDefault(update.AccountId, (BandState.Initial, 0)).Item2 != update.ExpectedCursor)
            {
                continue;
            }

            States[update.AccountId] = (update.State, update.Cursor);
            foreach (var e in update.Events)
            {
                Events.TryAdd(e.Key, e);
            }

            Outbox.AddRange(update.Notifications);
        }

        return Task.CompletedTask;
    }
}
