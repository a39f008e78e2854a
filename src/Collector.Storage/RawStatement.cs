using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Collector.Storage;

/// <summary>
/// A statement stepped through SQLitePCL.raw, for the statements that run once per row of a large read or write:
/// the reads of <c>status</c> (a row per watched account), of snapshots for <c>history</c>, <c>export</c> and a
/// round's analysis, the snapshot insert, and the analysis's per-account writes (band state, growth points). <see cref="SqliteDataReader"/> makes three or four native calls per
/// column read (the row's column count, the column type, the value) and <see cref="SqliteCommand"/> looks every
/// parameter up by name and creates a reader for each execution; this makes one call per value (docs/benchmarks.md,
/// items 10, 12 and 14), through <see cref="NativeColumns"/> where it can (item 20). It runs in whatever transaction
/// its connection has open. Everything else stays on Microsoft.Data.Sqlite.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;

    /// <summary>The native statement, for <see cref="NativeColumns"/>; 0 when they are not available.</summary>
    private readonly nint _native;

    public RawStatement(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        var rc = raw.sqlite3_prepare_v2(connection.Handle, sql, out _statement);
        if (rc != raw.SQLITE_OK)
        {
            _statement.Dispose();
            SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        }

        if (NativeColumns.Available)
        {
            // Held until Dispose, so the pointer cannot be finalized while this reads through it.
            var added = false;
            _statement.DangerousAddRef(ref added);
            _native = _statement.DangerousGetHandle();
        }
    }

    public void Bind(string name, string value) => Bind(IndexOf(name), value);

    public void Bind(string name, long value) => Bind(IndexOf(name), value);

    /// <summary>The 1-based index of a <c>$name</c> parameter, for a caller that binds it on every row.</summary>
    public int IndexOf(string name)
    {
        var index = raw.sqlite3_bind_parameter_index(_statement, name);
        return index > 0 ? index : throw new ArgumentException($"the statement has no parameter {name}", nameof(name));
    }

    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    public void Bind(int index, long? value) => Check(value is { } v ? raw.sqlite3_bind_int64(_statement, index, v) : raw.sqlite3_bind_null(_statement, index));

    public void Bind(int index, double? value) => Check(value is { } v ? raw.sqlite3_bind_double(_statement, index, v) : raw.sqlite3_bind_null(_statement, index));

    public void Bind(int index, string? value) => Check(value is not null ? raw.sqlite3_bind_text(_statement, index, value) : raw.sqlite3_bind_null(_statement, index));

    /// <summary>Runs a statement that returns no rows and makes it ready to run again with new values.</summary>
    /// <returns>The rows it inserted, updated or deleted.</returns>
    public int Execute()
    {
        try
        {
            while (Step())
            {
            }

            return raw.sqlite3_changes(_connection.Handle);
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>Makes a statement that was stepped ready to run again; its bound values stay.</summary>
    public void Reset() => raw.sqlite3_reset(_statement);

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
    public bool IsNull(int column) =>
        (_native != 0 ? NativeColumns.ColumnType(_native, column) : raw.sqlite3_column_type(_statement, column)) == raw.SQLITE_NULL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Int64(int column) => _native != 0 ? NativeColumns.ColumnInt64(_native, column) : raw.sqlite3_column_int64(_statement, column);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Int32(int column) => _native != 0 ? NativeColumns.ColumnInt32(_native, column) : raw.sqlite3_column_int(_statement, column);

    public long? NullableInt64(int column) => IsNull(column) ? null : Int64(column);

    public double? NullableDouble(int column) => IsNull(column) ? null
        : _native != 0 ? NativeColumns.ColumnDouble(_native, column) : raw.sqlite3_column_double(_statement, column);

    /// <summary>The column as text (SQLite converts a number); null for NULL.</summary>
    public string? NullableString(int column) =>
        _native != 0 ? NativeColumns.Text(_native, column) : raw.sqlite3_column_text(_statement, column).utf8_to_string();

    /// <summary>The text of a column that is never NULL.</summary>
    public string String(int column) => NullableString(column)!;

    public DateTimeOffset Instant(int column) => SqliteInstant.FromStored(Int64(column));

    public DateTimeOffset? NullableInstant(int column) => IsNull(column) ? null : Instant(column);

    public void Dispose()
    {
        // Disposing closes the handle, so a second call finds it closed and releases nothing twice.
        if (_statement.IsClosed)
        {
            return;
        }

        if (_native != 0)
        {
            _statement.DangerousRelease();
        }

        _statement.Dispose();
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
        }
    }
}
