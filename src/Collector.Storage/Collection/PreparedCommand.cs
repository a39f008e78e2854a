using Microsoft.Data.Sqlite;

namespace Collector.Storage.Collection;

/// <summary>Commands compiled once per transaction and re-bound for every row.</summary>
internal static class PreparedCommand
{
    public static SqliteCommand Create(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        try
        {
            command.Transaction = transaction;
            command.CommandText = sql;
            command.Prepare();
            return command;
        }
        catch
        {
            command.Dispose();
            throw;
        }
    }

    /// <summary>Sets (or adds on first use) a parameter; null becomes SQL NULL.</summary>
    public static SqliteCommand Bind(this SqliteCommand command, string name, object? value)
    {
        var parameters = command.Parameters;
        var index = parameters.IndexOf(name);
        if (index < 0)
        {
            parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        else
        {
            parameters[index].Value = value ?? DBNull.Value;
        }

        return command;
    }
}
