namespace Collector.Core.Analytics;

/// <summary>Read side of <c>flags</c>.</summary>
public interface IAccountEventReader
{
    /// <summary>Events at or after <paramref name="since"/> (all when null), newest first.</summary>
    Task<IReadOnlyList<AccountEventRecord>> GetEventsAsync(DateTimeOffset? since, CancellationToken cancellationToken);
}
