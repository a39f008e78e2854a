using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Collection;

/// <summary>
/// A statement compiled once (for the life of its connection, or of one transaction) with its <c>$name</c> parameters
/// created up front and found by name in a dictionary: re-binding is then a lookup and an assignment, not a scan of the
/// parameter list.
/// </summary>
internal sealed partial class PreparedStatement : IDisposable
{
    private readonly Dictionary<string, SqliteParameter> _parameters = new(StringComparer.Ordinal);

    /// <param name="transaction">The transaction it runs in, when it lives only as long as that one.</param>
    public PreparedStatement(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        Command = connection.CreateCommand();
        try
        {
            Command.Transaction = transaction;
            Command.CommandText = sql;
            foreach (Match match in ParameterName().Matches(sql))
            {
                if (!_parameters.ContainsKey(match.Value))
                {
                    _parameters.Add(match.Value, Command.Parameters.AddWithValue(match.Value, DBNull.Value));
                }
            }

            Command.Prepare();
        }
        catch
        {
            Command.Dispose();
            throw;
        }
    }

    public SqliteCommand Command { get; }

    /// <summary>Sets a parameter of the statement; null becomes SQL NULL.</summary>
    public PreparedStatement Set(string name, object? value)
    {
        _parameters[name].Value = value ?? DBNull.Value;
        return this;
    }

    public void Dispose() => Command.Dispose();

    [GeneratedRegex(@"\$[a-z_]+")]
    private static partial Regex ParameterName();
}
