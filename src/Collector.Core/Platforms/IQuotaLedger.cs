namespace Collector.Core.Platforms;

/// <summary>
/// Persistent per-day usage of a platform's request quota (YouTube's daily units), so that a restart, or the CLI
/// running next to the worker, does not forget what was already spent. The caller names the quota day in the
/// platform's own calendar (YouTube resets at midnight America/Los_Angeles).
/// </summary>
public interface IQuotaLedger
{
    /// <summary>The usage of one quota day; zero units and not exhausted when nothing was recorded.</summary>
    Task<QuotaUsage> GetAsync(string platform, DateOnly day, CancellationToken cancellationToken);

    /// <summary>
    /// Adds <paramref name="units"/> to the day's usage unless the total would exceed <paramref name="limit"/> or the
    /// day is marked exhausted. The check and the addition are one atomic step, also across processes.
    /// </summary>
    /// <returns>True when the units were granted (and recorded); false when refused (nothing recorded).</returns>
    Task<bool> TrySpendAsync(string platform, DateOnly day, int units, long limit, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records that the platform itself declared the day's quota spent; no units are granted for that day after this.</summary>
    Task MarkExhaustedAsync(string platform, DateOnly day, DateTimeOffset at, CancellationToken cancellationToken);
}
