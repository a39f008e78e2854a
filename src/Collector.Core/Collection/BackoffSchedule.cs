using Collector.Core.Platforms;

namespace Collector.Core.Collection;

/// <summary>
/// When a watchlist entry (or a whole platform) that keeps failing is tried again: the wait grows with the number of
/// consecutive failures so a broken entry is not hammered every slot, and a success resets the count. Pure.
/// </summary>
public static class BackoffSchedule
{
    /// <summary>The wait after the 1st, 2nd, ... consecutive failure; the last step repeats.</summary>
    public static IReadOnlyList<TimeSpan> Steps { get; } =
    [
        TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(15),
        TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1),
        TimeSpan.FromHours(3),
        TimeSpan.FromHours(6),
        TimeSpan.FromHours(12),
        TimeSpan.FromHours(24),
    ];

    /// <summary>A handle that does not exist or is suspended rarely comes back within the hour: look once a day.</summary>
    public static TimeSpan GoneRecheck { get; } = TimeSpan.FromHours(24);

    /// <summary>The wait after <paramref name="consecutiveFailures"/> failures in a row (0 or less: no wait).</summary>
    public static TimeSpan Delay(int consecutiveFailures) =>
        consecutiveFailures <= 0 ? TimeSpan.Zero : Steps[Math.Min(consecutiveFailures, Steps.Count) - 1];

    /// <summary>
    /// When to try an entry again after its <paramref name="consecutiveFailures"/>-th failure in a row, this one being
    /// <paramref name="error"/>. A reset the platform announced is honoured when it is later than the back-off.
    /// </summary>
    public static DateTimeOffset NextAttempt(PlatformError error, int consecutiveFailures, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(error);
        var wait = error.Kind is PlatformErrorKind.NotFound or PlatformErrorKind.Suspended
            ? GoneRecheck
            : Delay(Math.Max(1, consecutiveFailures));
        var next = now + wait;
        return error.RetryAt is { } retryAt && retryAt > next ? retryAt : next;
    }
}
