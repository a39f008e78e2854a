using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Collector.Storage;

/// <summary>
/// A read-only statement stepped through SQLitePCL.raw, for the reads of many rows: <c>status</c> (a row per watched
/// account), snapshots for <c>history</c>, <c>export</c> and a round's analysis. <see cref="SqliteDataReader"/> makes
/// three or four native calls per column read (the row's column count, the column type, the value) and this makes
/// one or two: the status read of 100,000 accounts took half the time (docs/benchmarks.md, item 10). Writes and
/// small reads stay on Microsoft.Data.Sqlite.
/// </summary>
internal sealed class RawQuery : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;

    public RawQuery(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        var rc = raw.sqlite3_prepare_v2(connection.Handle, sql, out _statement);
        if (rc != raw.SQLITE_OK)
        {
            _statement.Dispose();
            SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        }
    }

    public void Bind(string name, string value) => Check(raw.sqlite3_bind_text(_statement, IndexOf(name), value));

    public void Bind(string name, long value) => Check(raw.sqlite3_bind_int64(_statement, IndexOf(name), value));

    /// <summary>Moves to the next row; false when there is none. Errors throw as Microsoft.Data.Sqlite's would.</summary>
    /// <remarks>A busy database waits in SQLite itself, up to the connection's busy_timeout.</remarks>
    public bool Step()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        if (rc != raw.SQLITE_DONE)
        {
            Check(rc);
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Int32(int column) => raw.sqlite3_column_int(_statement, column);

    public long? NullableInt64(int column) => IsNull(column) ? null : Int64(column);

    public double? NullableDouble(int column) => IsNull(column) ? null : raw.sqlite3_column_double(_statement, column);

    /// <summary>The column as text (SQLite converts a number); null for NULL.</summary>
    public string? NullableString(int column) => IsNull(column) ? null : raw.sqlite3_column_text(_statement, column).utf8_to_string();

    public string String(int column) => raw.sqlite3_column_text(_statement, column).utf8_to_string();

    public DateTimeOffset Instant(int column) => SqliteInstant.FromStored(Int64(column));

    public DateTimeOffset? NullableInstant(int column) => IsNull(column) ? null : Instant(column);

    public void Dispose() => _statement.Dispose();

    private int IndexOf(string name)
    {
        var index = raw.sqlite3_bind_parameter_index(_statement, name);
        return index > 0 ? index : throw new ArgumentException($"the statement has no parameter {name}", nameof(name));
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
        }
    }
}
