namespace Collector.Storage.Housekeeping;

/// <summary>
/// <c>Storage:RetainRawDays</c>: how many whole UTC days before today keep every snapshot. Older days are thinned to
/// the last snapshot of each account per UTC day. Null keeps everything (the default).
/// </summary>
internal sealed record RetentionPolicy
{
    public RetentionPolicy(int? retainRawDays)
    {
        if (retainRawDays is { } days)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(days, 1, nameof(retainRawDays));
        }

        RetainRawDays = retainRawDays;
    }

    public static RetentionPolicy KeepEverything { get; } = new((int?)null);

    public int? RetainRawDays { get; }

    /// <summary>
    /// Snapshots collected before this instant are thinned; null when nothing is. A UTC midnight, so only whole
    /// days are thinned: a day is never cut in two, and running again the same day finds nothing more to do.
    /// </summary>
    public DateTimeOffset? ThinBefore(DateTimeOffset now) =>
        RetainRawDays is { } days
            ? new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-days)
            : null;
}
