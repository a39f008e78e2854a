using Microsoft.Data.Sqlite;

namespace Collector.TestKit.Storage;

/// <summary>
/// Looks inside any SQLite file (a backup, a database a killed process left behind) through its own unpooled
/// connection, so the file is closed again when the call returns.
/// </summary>
public static class SqliteFile
{
    /// <summary>The rows of <c>PRAGMA integrity_check</c>: exactly <c>["ok"]</c> for an intact file.</summary>
    public static async Task<IReadOnlyList<string>> IntegrityCheckAsync(string path) =>
        await QueryAsync(path, "PRAGMA integrity_check;", static r => r.GetString(0));

    /// <summary>The rows of <c>PRAGMA foreign_key_check</c> as "table rowid parent": empty when every reference holds.</summary>
    public static async Task<IReadOnlyList<string>> ForeignKeyProblemsAsync(string path) =>
        await QueryAsync(path, "PRAGMA foreign_key_check;", static r => $"{r.GetString(0)} {r.GetValue(1)} {r.GetString(2)}");

    public static async Task<long> ScalarAsync(string path, string sql)
    {
        var rows = await QueryAsync(path, sql, static r => r.GetInt64(0));
        return rows[0];
    }

    public static async Task<IReadOnlyList<T>> QueryAsync<T>(string path, string sql, Func<SqliteDataReader, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);

        // Read-write: a WAL file left by a killed writer is recovered (replayed) by the first connection, as the
        // next collector run would do; a read-only connection could not.
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
