using System.Globalization;
using System.Text;
using Collector.Core.Analytics;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Analytics;

/// <summary>
/// <see cref="GrowthCalculator.Candidates"/> of one account, found by seeks of ix_snapshots_account_collected instead of
/// reading the account's history: a handful of index lookups however many snapshots it has.
/// </summary>
internal sealed class GrowthPointsQuery : IDisposable
{
    private const string LatestSql = """
        SELECT collected_at FROM snapshots
         WHERE account_id = $account_id AND followers IS NOT NULL
         ORDER BY collected_at DESC, id DESC LIMIT 1;
        """;

    internal static readonly string CandidatesSql = BuildCandidatesSql();

    private readonly SqliteCommand _latest;
    private readonly SqliteCommand _candidates;

    public GrowthPointsQuery(SqliteConnection connection, SqliteTransaction? transaction)
    {
        _latest = Create(connection, transaction, LatestSql);
        _candidates = Create(connection, transaction, CandidatesSql);
        AddWindowParameters(_candidates);
    }

    /// <summary>The account's candidate points, oldest first; empty when it has no measured snapshot.</summary>
    public IReadOnlyList<GrowthPoint> Read(long accountId)
    {
        _latest.Parameters["$account_id"].Value = accountId;
        if (_latest.ExecuteScalar() is not long at)
        {
            return [];
        }

        _candidates.Parameters["$account_id"].Value = accountId;
        _candidates.Parameters["$at"].Value = at;
        var points = new List<GrowthPoint>();
        using var reader = _candidates.ExecuteReader();
        while (reader.Read())
        {
            points.Add(new GrowthPoint(reader.GetInstant(0), reader.GetInt64(1)));
        }

        return points;
    }

    public void Dispose()
    {
        _latest.Dispose();
        _candidates.Dispose();
    }

    private static SqliteCommand Create(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$account_id", 0L);
        command.Parameters.AddWithValue("$at", 0L);
        return command;
    }

    private static string WindowParameter(int index) => string.Create(CultureInfo.InvariantCulture, $"$window{index}");

    /// <summary>
    /// The candidates' ids as an IN list, around the latest measured instant <paramref name="at"/> (an SQL expression).
    /// Measured snapshots only. The latest (highest id among equals); per window the last at or before its start (the
    /// first written among equal instants, as the calculator keeps the first of equals) and the first after it but
    /// before the latest; the first of the rate window. IN dedupes.
    /// </summary>
    internal static string CandidateIds(string at)
    {
        const string Measured = "FROM snapshots AS m WHERE m.account_id = $account_id AND m.followers IS NOT NULL";
        var ids = new List<string>
        {
            $"SELECT m.id {Measured} AND m.collected_at = {at} ORDER BY m.id DESC LIMIT 1",
            $"SELECT m.id {Measured} AND m.collected_at >= {at} - $rate ORDER BY m.collected_at, m.id LIMIT 1",
        };
        for (var i = 0; i < GrowthCalculator.WindowDays.Count; i++)
        {
            var start = $"{at} - {WindowParameter(i)}";
            ids.Add($"SELECT m.id {Measured} AND m.collected_at = (SELECT max(x.collected_at) FROM snapshots AS x " +
                $"WHERE x.account_id = $account_id AND x.followers IS NOT NULL AND x.collected_at <= {start}) ORDER BY m.id LIMIT 1");
            ids.Add($"SELECT m.id {Measured} AND m.collected_at > {start} AND m.collected_at < {at} ORDER BY m.collected_at, m.id LIMIT 1");
        }

        return new StringBuilder("(").AppendJoin(", ", ids.Select(static id => $"({id})")).Append(')').ToString();
    }

    /// <summary>Sets the window parameters <see cref="CandidateIds"/> refers to.</summary>
    internal static void AddWindowParameters(SqliteCommand command)
    {
        foreach (var (name, value) in WindowParameters())
        {
            command.Parameters.AddWithValue(name, value);
        }
    }

    /// <inheritdoc cref="AddWindowParameters"/>
    internal static void BindWindowParameters(RawStatement statement)
    {
        foreach (var (name, value) in WindowParameters())
        {
            statement.Bind(name, value);
        }
    }

    private static IEnumerable<(string Name, long Milliseconds)> WindowParameters() =>
    [
        .. GrowthCalculator.WindowDays.Select(static (days, i) => (WindowParameter(i), (long)TimeSpan.FromDays(days).TotalMilliseconds)),
        ("$rate", (long)GrowthCalculator.RateWindow.TotalMilliseconds),
    ];

    // The ORDER BY is the calculator's order.
    private static string BuildCandidatesSql() =>
        $"SELECT s.collected_at, s.followers FROM snapshots AS s WHERE s.id IN {CandidateIds("$at")} ORDER BY s.collected_at, s.id;";
}
