namespace Collector.Core.Notifications;

/// <summary>
/// Back-off between delivery attempts: quick at first (a receiver restarting), then hours apart, and given up after
/// <see cref="MaxAttempts"/> (about 16 hours in all): a notification a day late is noise, not news.
/// </summary>
public static class RetrySchedule
{
    private static readonly TimeSpan[] Delays =
    [
        TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2),
        TimeSpan.FromHours(4), TimeSpan.FromHours(8),
    ];

    public static int MaxAttempts => Delays.Length + 1;

    /// <summary>The wait after the <paramref name="failedAttempts"/>-th failure; null when it was the last allowed.</summary>
    public static TimeSpan? DelayAfter(int failedAttempts) =>
        failedAttempts >= 1 && failedAttempts <= Delays.Length ? Delays[failedAttempts - 1] : null;
}
