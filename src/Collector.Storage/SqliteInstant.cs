using System.Globalization;

namespace Collector.Storage;

/// <summary>The one text form of instants in the database (see the conventions in Migrations/0001_initial.sql).</summary>
internal static class SqliteInstant
{
    // Fixed width, so text order is time order; 7 fractional digits, so a DateTimeOffset round-trips exactly.
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string ToText(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static object ToParameter(DateTimeOffset? instant) =>
        instant is { } value ? ToText(value) : DBNull.Value;

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.ParseExact(
            text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
