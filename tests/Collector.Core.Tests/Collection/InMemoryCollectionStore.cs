using Collector.Core.Accounts;
using Collector.Core.Storage;

namespace Collector.Core.Tests.Collection;

/// <summary>A hand-written storage fake that keeps what the use case wrote, batch by batch.</summary>
internal sealed class InMemoryCollectionStore : ICollectionStore
{
    public Dictionary<string, TrackedAccount> Tracked { get; } = new(StringComparer.Ordinal);

    public List<(IReadOnlyList<AccountObservation> Observations, IReadOnlyList<AccountFailure> Failures)> Batches { get; } = [];

    public IEnumerable<AccountObservation> Observations => Batches.SelectMany(static b => b.Observations);

    public IEnumerable<AccountFailure> Failures => Batches.SelectMany(static b => b.Failures);

    /// <summary>Thrown by every save from the Nth one (1-based) on, as a full or read-only database would.</summary>
    public (int FromSave, StorageException Error)? FailSavesFrom { get; set; }

    private int _saves;

    public Task<IReadOnlyDictionary<string, TrackedAccount>> GetTrackedAccountsAsync(
        string platform, IReadOnlyCollection<string> watchKeys, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, TrackedAccount> found = watchKeys
            .Where(Tracked.ContainsKey)
            .ToDictionary(k => k, k => Tracked[k], StringComparer.Ordinal);
        return Task.FromResult(found);
    }

    public Task SaveBatchAsync(
        string platform,
        IReadOnlyList<AccountObservation> observations,
        IReadOnlyList<AccountFailure> failures,
        CancellationToken cancellationToken)
    {
        lock (Batches)
        {
            if (FailSavesFrom is { } fail && ++_saves >= fail.FromSave)
            {
                throw fail.Error;
            }

            Batches.Add((observations, failures));
        }

        return Task.CompletedTask;
    }
}
