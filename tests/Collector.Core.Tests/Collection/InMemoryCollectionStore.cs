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

    /// <summary>The consecutive failures the "database" holds; tests set them and failures update them like SQLite.</summary>
    public Dictionary<string, int> FailureCounts { get; } = new(StringComparer.Ordinal);

    public Task<IReadOnlyDictionary<string, int>> GetConsecutiveFailuresAsync(
        string platform, IReadOnlyCollection<string> watchKeys, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, int> found = watchKeys
            .Where(FailureCounts.ContainsKey)
            .ToDictionary(k => k, k => FailureCounts[k], StringComparer.Ordinal);
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
            foreach (var observation in observations)
            {
                FailureCounts.Remove(observation.WatchKey);
            }

            foreach (var failure in failures.Where(static f => !f.PlatformLevel))
            {
                FailureCounts[failure.WatchKey] = FailureCounts.GetValueOrDefault(failure.WatchKey) + 1;
            }
        }

        return Task.CompletedTask;
    }
}
