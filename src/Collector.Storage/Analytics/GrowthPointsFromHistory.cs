using Collector.Core.Analytics;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Analytics;

/// <summary>
/// An account's growth points (<see cref="GrowthCalculator.Candidates"/> of its whole measured history) from the
/// snapshots the analysis has just read, every one since the look-back start, plus the few older points only an
/// index seek can find: the last before the look-back, and those of the longest window and the rate window. Any set
/// of real points that holds every point the whole history's candidates pick gives the same candidates, so the
/// calculator picks them from this set. Where the read cannot hold a pick (no measured snapshot since the look-back
/// start, or a shorter window reaching before it) the candidates are found by seeks alone (<see cref="GrowthPointsQuery"/>).
/// One statement of four seeks instead of one of twelve, and no temporary tables: the growth refresh was a fifth of a
/// 100,000-account round (docs/benchmarks.md, item 18).
/// </summary>
internal sealed class GrowthPointsFromHistory : IDisposable
{
    private const string Measured = "FROM snapshots AS m WHERE m.account_id = $account_id AND m.followers IS NOT NULL";

    // The last measured point before $since and the last at or before $start (each the first written among equal
    // instants, as the calculator keeps the first of equals), the first after $start and before $at, and the first at
    // or after $from. UNION ALL of LIMIT 1 arms: each is a seek or two of the (account_id, collected_at) index, and
    // no temporary table is built.
    private static readonly string EdgesSql = $"""
        SELECT * FROM ({LastBefore("<", "$since")})
        UNION ALL SELECT * FROM ({LastBefore("<=", "$start")})
        UNION ALL SELECT * FROM (SELECT m.id, m.collected_at, m.followers {Measured}
                                    AND m.collected_at > $start AND m.collected_at < $at ORDER BY m.collected_at, m.id LIMIT 1)
        UNION ALL SELECT * FROM (SELECT m.id, m.collected_at, m.followers {Measured}
                                    AND m.collected_at >= $from ORDER BY m.collected_at, m.id LIMIT 1);
        """;

    private static readonly TimeSpan LongestWindow = TimeSpan.FromDays(GrowthCalculator.WindowDays.Max());

    private readonly RawStatement _edges;
    private readonly GrowthPointsQuery _seeksAlone;
    private readonly int _accountId;
    private readonly int _since;
    private readonly int _start;
    private readonly int _at;
    private readonly int _from;
    private readonly List<(long Id, GrowthPoint Point)> _points = [];

    public GrowthPointsFromHistory(SqliteConnection connection)
    {
        _edges = new RawStatement(connection, EdgesSql);
        try
        {
            _seeksAlone = new GrowthPointsQuery(connection);
        }
        catch
        {
            _edges.Dispose();
            throw;
        }

        _accountId = _edges.IndexOf("$account_id");
        _since = _edges.IndexOf("$since");
        _start = _edges.IndexOf("$start");
        _at = _edges.IndexOf("$at");
        _from = _edges.IndexOf("$from");
    }

    /// <param name="snapshots">
    /// The account's snapshots as the analysis read them, ordered by (collected_at, id): every one collected at or
    /// after <paramref name="since"/>, and maybe some older ones.
    /// </param>
    public IReadOnlyList<GrowthPoint> Find(long accountId, IReadOnlyList<StoredSnapshot> snapshots, DateTimeOffset since)
    {
        _points.Clear();
        foreach (var stored in snapshots)
        {
            if (stored.Snapshot.Followers is { } followers)
            {
                _points.Add((stored.Id, new GrowthPoint(stored.Snapshot.CollectedAt, followers)));
            }
        }

        var latest = _points.Count > 0 ? _points[^1].Point.At : DateTimeOffset.MinValue;
        if (!ReadHoldsShorterWindows(latest, since))
        {
            return _seeksAlone.Read(accountId);
        }

        AddEdges(accountId, since, latest);
        _points.Sort(static (a, b) => a.Point.At != b.Point.At ? a.Point.At.CompareTo(b.Point.At) : a.Id.CompareTo(b.Id));
        var distinct = new List<GrowthPoint>(_points.Count);
        for (var i = 0; i < _points.Count; i++)
        {
            if (i == 0 || _points[i].Id != _points[i - 1].Id)
            {
                distinct.Add(_points[i].Point);
            }
        }

        return GrowthCalculator.Candidates(distinct);
    }

    public void Dispose()
    {
        _edges.Dispose();
        _seeksAlone.Dispose();
    }

    private void AddEdges(long accountId, DateTimeOffset since, DateTimeOffset latest)
    {
        _edges.Bind(_accountId, accountId);
        _edges.Bind(_since, SqliteInstant.ToStored(since));
        _edges.Bind(_start, SqliteInstant.ToStored(latest - LongestWindow));
        _edges.Bind(_at, SqliteInstant.ToStored(latest));
        _edges.Bind(_from, SqliteInstant.ToStored(latest - GrowthCalculator.RateWindow));
        try
        {
            while (_edges.Step())
            {
                _points.Add((_edges.Int64(0), new GrowthPoint(_edges.Instant(1), _edges.Int64(2))));
            }
        }
        finally
        {
            _edges.Reset();
        }
    }

    /// <summary>
    /// Whether the latest measured point is among those read (it is since the look-back start) and every window shorter
    /// than the longest starts there too, so that the read holds the points on both sides of its start.
    /// </summary>
    private static bool ReadHoldsShorterWindows(DateTimeOffset latest, DateTimeOffset since)
    {
        if (latest < since)
        {
            return false;
        }

        foreach (var days in GrowthCalculator.WindowDays)
        {
            var start = latest - TimeSpan.FromDays(days);
            if (start < since && TimeSpan.FromDays(days) < LongestWindow)
            {
                return false;
            }
        }

        return true;
    }

    private static string LastBefore(string comparison, string until) =>
        $"SELECT m.id, m.collected_at, m.followers {Measured} AND m.collected_at = (SELECT max(x.collected_at) FROM snapshots AS x " +
        $"WHERE x.account_id = $account_id AND x.followers IS NOT NULL AND x.collected_at {comparison} {until}) ORDER BY m.id LIMIT 1";
}
