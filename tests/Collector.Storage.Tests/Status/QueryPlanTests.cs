using Collector.Storage.Analytics;
using Collector.Storage.Collection;
using Collector.Storage.Status;

namespace Collector.Storage.Tests.Status;

/// <summary>
/// Guards the shape of the hot reads: status over 100,000 entries and 2,000,000 snapshots must stay a walk over
/// the entries with key lookups, never a scan or sort of the snapshot table.
/// </summary>
public sealed class QueryPlanTests : StoreTestBase
{
    [Fact]
    public async Task StatusQuery_FindsTheLatestSnapshotByOneIndexSeekPerEntry()
    {
        var plan = await PlanAsync(SqliteStatusReader.StatusSql, ("$first", 1L), ("$last", 50_000L));

        Assert.Contains("SEARCH w USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
        Assert.Contains("SEARCH l USING COVERING INDEX ix_snapshots_account_collected (account_id=?)", plan, StringComparison.Ordinal);
        Assert.Contains("SEARCH s USING INTEGER PRIMARY KEY", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN s", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN l", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SnapshotsQuery_UsesTheAccountTimeIndexWithoutSorting()
    {
        var plan = await PlanAsync(SqliteStatusReader.SnapshotsSql, ("$account_id", 1L), ("$since", 1735689600000L));

        Assert.Contains("ix_snapshots_account_collected", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntryQuery_LooksUpTheEntryByItsKey()
    {
        var plan = await PlanAsync(SqliteStatusReader.EntrySql, ("$platform", "bluesky"), ("$watch_key", "alice"));

        Assert.Contains("SEARCH w USING INDEX sqlite_autoindex_watch_entries_1 (platform=? AND watch_key=?)", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrowthCandidatesQuery_OnlySeeksTheAccountTimeIndex()
    {
        var plan = await PlanAsync(GrowthPointsQuery.CandidatesSql,
            ("$account_id", 1L), ("$at", 1740808800000L), ("$window0", 86_400_000L), ("$window1", 604_800_000L), ("$window2", 2_592_000_000L),
            ("$rate", 2_592_000_000L));

        Assert.Contains("SEARCH m USING INDEX ix_snapshots_account_collected (account_id=? AND collected_at>? AND collected_at<?)", plan, StringComparison.Ordinal);
        Assert.Contains("SEARCH x USING INDEX ix_snapshots_account_collected (account_id=? AND collected_at<?)", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrackedAccountsQuery_LooksUpEachRequestedKeyInTheEntryIndex()
    {
        var plan = await PlanAsync(
            SqliteCollectionStore.TrackedAccountsSql, ("$platform", "bluesky"), ("$watch_keys", """["a","b"]"""));

        Assert.Contains("SEARCH w USING INDEX sqlite_autoindex_watch_entries_1 (platform=? AND watch_key=?)", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN w", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalysisSnapshotsQuery_SeeksEachRequestedAccountsSnapshotsByIndex()
    {
        var plan = await PlanAsync(
            Collector.Storage.Bands.AnalysisReads.SnapshotsSql, ("$platform", "bluesky"), ("$platform_ids", """["a","b"]"""), ("$since", 0L));

        Assert.Contains("SEARCH a USING COVERING INDEX sqlite_autoindex_accounts_1 (platform=? AND platform_id=?)", plan, StringComparison.Ordinal);
        Assert.Contains("SEARCH s USING INDEX ix_snapshots_account_collected (account_id=?)", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN s", plan, StringComparison.Ordinal);
    }

    private async Task<string> PlanAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(3));
        }

        return string.Join('\n', lines);
    }
}
