using Collector.TestKit.Storage;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Tests;

/// <summary>The statement status, history, export and analysis read through: values, NULLs and errors as SQLite gives them.</summary>
public sealed class RawStatementTests : IAsyncLifetime
{
    private TempDatabase _database = null!;
    private SqliteConnection _connection = null!;

    public async Task InitializeAsync()
    {
        _database = TempDatabase.CreateEmpty();
        _connection = await _database.OpenAsync();
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public void Step_ReadsEachRowsTypedValuesAndNulls_ThenStops()
    {
        using var query = new RawStatement(_connection, """
            SELECT $n, 2.5, 'ünï', NULL, 7 UNION ALL SELECT -1, NULL, NULL, 'x', 1735689600123
            """);
        query.Bind("$n", long.MaxValue);

        Assert.True(query.Step());
        Assert.Equal((long.MaxValue, 2.5, "ünï", (string?)null, 7), (query.Int64(0), query.NullableDouble(1), query.String(2), query.NullableString(3), query.Int32(4)));
        Assert.True(query.Step());
        Assert.Equal((-1L, (double?)null, (string?)null, (long?)null), (query.Int64(0), query.NullableDouble(1), query.NullableString(2), query.NullableInt64(2)));
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, 123, TimeSpan.Zero), query.NullableInstant(4));
        Assert.Null(query.NullableInstant(1));
        Assert.False(query.Step());
    }

    [Fact]
    public void Bind_Text_IsAValueNeverSql()
    {
        using var query = new RawStatement(_connection, "SELECT $text, typeof($text)");
        query.Bind("$text", "'); DROP TABLE x; --");

        Assert.True(query.Step());
        Assert.Equal(("'); DROP TABLE x; --", "text"), (query.String(0), query.String(1)));
    }

    [Fact]
    public void Bind_UnknownParameter_ThrowsNamingIt()
    {
        using var query = new RawStatement(_connection, "SELECT $known");

        var error = Assert.Throws<ArgumentException>(() => query.Bind("$unknown", 1));

        Assert.Contains("$unknown", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_InvalidSql_ThrowsSqliteExceptionWithSqlitesMessage()
    {
        var error = Assert.Throws<SqliteException>(() => new RawStatement(_connection, "SELECT * FROM no_such_table"));

        Assert.Equal(1, error.SqliteErrorCode);
        Assert.Contains("no such table: no_such_table", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_WhenSqliteFailsMidQuery_ThrowsSqliteException()
    {
        // abs() of the smallest integer overflows while the row is computed, after a successful prepare.
        using var query = new RawStatement(_connection, "SELECT abs(-9223372036854775807 - 1)");

        var error = Assert.Throws<SqliteException>(() => query.Step());

        Assert.Contains("integer overflow", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_RunsAgainWithNewValues_IncludingNulls()
    {
        Exec("CREATE TABLE t (n INTEGER, x REAL, s TEXT) STRICT");
        using (var insert = new RawStatement(_connection, "INSERT INTO t VALUES ($n, $x, $s)"))
        {
            var (n, x, text) = (insert.IndexOf("$n"), insert.IndexOf("$x"), insert.IndexOf("$s"));
            insert.Bind(n, (long?)1);
            insert.Bind(x, (double?)1.5);
            insert.Bind(text, "a");
            insert.Execute();
            insert.Bind(n, (long?)null);
            insert.Bind(x, (double?)null);
            insert.Bind(text, (string?)null);
            insert.Execute();
        }

        using var rows = new RawStatement(_connection, "SELECT n, x, s FROM t ORDER BY rowid");
        Assert.True(rows.Step());
        Assert.Equal((1L, 1.5, "a"), (rows.NullableInt64(0), rows.NullableDouble(1), rows.NullableString(2)));
        Assert.True(rows.Step());
        Assert.Equal(((long?)null, (double?)null, (string?)null), (rows.NullableInt64(0), rows.NullableDouble(1), rows.NullableString(2)));
        Assert.False(rows.Step());
    }

    [Fact]
    public void Execute_WhenAConstraintFails_ThrowsAndTheStatementCanRunAgain()
    {
        Exec("CREATE TABLE t (n INTEGER NOT NULL) STRICT");
        using var insert = new RawStatement(_connection, "INSERT INTO t VALUES ($n)");
        var n = insert.IndexOf("$n");

        insert.Bind(n, (long?)null);
        var error = Assert.Throws<SqliteException>(() => insert.Execute());
        insert.Bind(n, 7L);
        insert.Execute();

        Assert.Equal(19, error.SqliteErrorCode);
        using var count = new RawStatement(_connection, "SELECT count(*), max(n) FROM t");
        Assert.True(count.Step());
        Assert.Equal((1L, 7L), (count.Int64(0), count.Int64(1)));
    }

    [Fact]
    public void Execute_ReturnsTheRowsItChanged()
    {
        Exec("CREATE TABLE t (k INTEGER PRIMARY KEY, v INTEGER NOT NULL) STRICT");
        Exec("INSERT INTO t VALUES (1, 10), (2, 20), (3, 30)");
        using var update = new RawStatement(_connection, "UPDATE t SET v = v + 1 WHERE v >= $min");
        var min = update.IndexOf("$min");

        update.Bind(min, 20L);
        var two = update.Execute();
        update.Bind(min, 100L);
        var none = update.Execute();

        Assert.Equal((2, 0), (two, none));
    }

    [Fact]
    public void NativeColumns_UnderTheBundledProvider_AreTheOnesRead()
    {
        // The reads above go through NativeColumns only while SQLitePCL runs on the library they bind to.
        Assert.True(NativeColumns.Available);
    }

    [Fact]
    public void Read_TextWithAnEmbeddedNulAndEmptyText_KeepsEveryCharacter()
    {
        using var query = new RawStatement(_connection, "SELECT 'a' || char(0) || 'b', '', 42");

        Assert.True(query.Step());
        Assert.Equal(("a\0b", string.Empty, "42"), (query.String(0), query.NullableString(1), query.String(2)));
    }

    [Fact]
    public void Dispose_Twice_IsHarmless()
    {
        var query = new RawStatement(_connection, "SELECT 1");

        query.Dispose();
        var again = Record.Exception(query.Dispose);

        Assert.Null(again);
    }

    private void Exec(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
