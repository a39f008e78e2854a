using Microsoft.Data.Sqlite;

namespace Collector.Storage;

/// <summary>Typed reads of nullable columns: a NULL count stays null (unknown), never becomes 0.</summary>
internal static class SqliteDataReaderExtensions
{
    public static long? GetNullableInt64(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static double? GetNullableDouble(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);

    public static string? GetNullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateTimeOffset GetInstant(this SqliteDataReader reader, int ordinal) =>
        SqliteInstant.FromStored(reader.GetInt64(ordinal));

    public static DateTimeOffset? GetNullableInstant(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : SqliteInstant.FromStored(reader.GetInt64(ordinal));
}
