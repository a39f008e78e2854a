using Collector.Core.Storage;

namespace Collector.Core.Tests.Collection;

/// <summary>A hand-written platform state fake: one record per platform, like the SQLite table.</summary>
internal sealed class InMemoryPlatformStateStore : IPlatformStateStore
{
    public Dictionary<string, PlatformStateRecord> States { get; } = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<PlatformStateRecord>> GetAllAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PlatformStateRecord>>([.. States.Values]);

    public Task<PlatformStateRecord?> GetAsync(string platform, CancellationToken cancellationToken) =>
        Task.FromResult(States.GetValueOrDefault(platform));

    public Task SaveAsync(PlatformStateRecord state, CancellationToken cancellationToken)
    {
        States[state.Platform] = state;
        return Task.CompletedTask;
    }

    public Task ClearAsync(string platform, CancellationToken cancellationToken)
    {
        States.Remove(platform);
        return Task.CompletedTask;
    }
}
