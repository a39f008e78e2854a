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

    private readonly RawStatement _latest;
    private readonly RawStatement _candidates;

    public GrowthPointsQuery(SqliteConnection connection)
    {
        _latest = new RawStatement(connection, LatestSql);
        try
        {
            _candidates = new RawStatement(connection, CandidatesSql);
        }
        catch
        {
            _latest.Dispose();
            throw;
        }

        BindWindowParameters(_candidates);
    }

    /// <summary>The account's candidate points, oldest first; empty when it has no measured snapshot.</summary>
    public IReadOnlyList<GrowthPoint> Read(long accountId)
    {
        try
        {
            _latest.Bind("$account_id", accountId);
            if (!_latest.Step())
            {
                return [];
            }

            _candidates.Bind("$account_id", accountId);
            _candidates.Bind("$at", _latest.Int64(0));
            var points = new List<GrowthPoint>();
            while (_candidates.Step())
            {
                points.Add(new GrowthPoint(_candidates.Instant(0), _candidates.Int64(1)));
            }

            return points;
        }
        finally
        {
            _latest.Reset();
            _candidates.Reset();
        }
    }

    public void Dispose()
    {
        _latest.Dispose();
        _candidates.Dispose();
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

    /// <summary>Binds the window parameters <see cref="CandidateIds"/> refers to (they stay bound across resets).</summary>
    internal static void BindWindowParameters(RawStatement statement)
    {
        for (var i = 0; i < GrowthCalculator.WindowDays.Count; i++)
        {
            statement.Bind(WindowParameter(i), (long)TimeSpan.FromDays(GrowthCalculator.WindowDays[i]).TotalMilliseconds);
        }

        statement.Bind("$rate", (long)GrowthCalculator.RateWindow.TotalMilliseconds);
    }

    // The ORDER BY is the calculator's order.
    private static string BuildCandidatesSql() =>
        $"SELECT s.collected_at, s.followers FROM snapshots AS s WHERE s.id IN {CandidateIds("$at")} ORDER BY s.collected_at, s.id;";
}
