namespace Collector.Storage;

/// <summary>The one stored form of instants: INTEGER Unix milliseconds, UTC (see Migrations/0001_initial.sql).</summary>
internal static class SqliteInstant
{
    /// <summary>
    /// Truncates to the millisecond. Every value bound for a comparison goes through here too, so an instant
    /// written and later used as a bound (history since the last snapshot) still matches itself.
    /// </summary>
    public static long ToStored(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds();

    public static object ToParameter(DateTimeOffset? instant) =>
        instant is { } value ? ToStored(value) : DBNull.Value;

    public static DateTimeOffset FromStored(long unixMilliseconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);
}
