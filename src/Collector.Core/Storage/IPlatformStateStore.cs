namespace Collector.Core.Storage;

/// <summary>One row per unhealthy platform, kept in the database so a restart or the CLI sees the same pause.</summary>
public interface IPlatformStateStore
{
    /// <summary>Every platform currently recorded as unhealthy.</summary>
    Task<IReadOnlyList<PlatformStateRecord>> GetAllAsync(CancellationToken cancellationToken);

    /// <summary>The platform's state, or null when it is healthy.</summary>
    Task<PlatformStateRecord?> GetAsync(string platform, CancellationToken cancellationToken);

    /// <summary>Records (inserts or replaces) the platform's unhealthy state.</summary>
    Task SaveAsync(PlatformStateRecord state, CancellationToken cancellationToken);

    /// <summary>Marks the platform healthy again (removes its row).</summary>
    Task ClearAsync(string platform, CancellationToken cancellationToken);
}
