using Collector.Core.Analytics;
using Collector.Storage.Bands;

namespace Collector.Storage.Tests.Status;

/// <summary>
/// The growth points status reads (0006_growth_points.sql): found by index seeks, they are exactly the points
/// <see cref="GrowthCalculator.Candidates"/> picks from the whole history, whether kept by the analysis or computed
/// when none were kept.
/// </summary>
public sealed class GrowthPointsTests : StoreTestBase
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Points_ComputedWhenNoneWereKept_AreTheCandidatesOfTheWholeHistory(int seed)
    {
        var history = await WriteIrregularHistoryAsync("alice", new Random(seed));

        Assert.Equal(GrowthCalculator.Candidates(history), await ReadPointsAsync());
        Assert.Equal(0L, await Database.ScalarAsync("SELECT count(*) FROM account_growth"));
    }

    /// <summary>
    /// The analysis finds the points from the snapshots it read since its look-back start plus a few seeks: 16 days is
    /// the spike look-back it uses; 3 days puts the 7-day window before it, and a look-back starting after the latest
    /// snapshot reads none since (both by seeks alone); 45 and 1,000 days hold the longest window's points too.
    /// </summary>
    [Theory]
    [MemberData(nameof(SeedsAndLookBacks))]
    public async Task Points_KeptByTheAnalysis_AreTheCandidatesOfTheWholeHistory(int seed, int lookBackDays)
    {
        var history = await WriteIrregularHistoryAsync("alice", new Random(seed));

        await KeepPointsAsync(TimeSpan.FromDays(lookBackDays));

        Assert.Equal(GrowthCalculator.Candidates(history), await ReadPointsAsync());
        Assert.Equal(1L, await Database.ScalarAsync("SELECT count(*) FROM account_growth"));
    }

    public static TheoryData<int, int> SeedsAndLookBacks()
    {
        var data = new TheoryData<int, int>();
        foreach (var seed in new[] { 1, 2, 3, 4, 5, 6 })
        {
            foreach (var days in new[] { 16, 3, 45, 1_000, -1 })
            {
                data.Add(seed, days);
            }
        }

        return data;
    }

    [Fact]
    public async Task Points_GiveTheSameSummaryAsTheWholeHistory()
    {
        var history = await WriteIrregularHistoryAsync("alice", new Random(7));
        await KeepPointsAsync(TimeSpan.FromDays(16));

        var fromPoints = GrowthCalculator.Summarize(await ReadPointsAsync(), Core.Bands.BandSettings.Default);
        var fromHistory = GrowthCalculator.Summarize(history, Core.Bands.BandSettings.Default);

        Assert.Equal(fromHistory.Windows, fromPoints.Windows);
        Assert.Equal(fromHistory with { Windows = [] }, fromPoints with { Windows = [] });
    }

    [Fact]
    public async Task Points_WhenTheKeptRowDoesNotParse_AreComputedAfresh()
    {
        var history = await WriteIrregularHistoryAsync("alice", new Random(3));
        await KeepPointsAsync(TimeSpan.FromDays(16));
        await Database.ExecuteAsync("UPDATE account_growth SET points = 'not:points;x'");

        Assert.Equal(GrowthCalculator.Candidates(history), await ReadPointsAsync());
    }

    [Fact]
    public async Task Points_SkipAccountsWithoutAMeasuredSnapshot_EvenWithAnUnreadableKeptRow()
    {
        await SaveAsync(Observed("hidden").WithCounts(null, 1, 1));
        await Database.ExecuteAsync("INSERT INTO account_growth (account_id, points, updated_at) SELECT id, '99999999999999999:1', 0 FROM accounts");

        Assert.Empty(await ReadAllAsync());
    }

    /// <summary>60 days of snapshots at irregular times: gaps, several a day, equal instants, unmeasured ones.</summary>
    private async Task<List<GrowthPoint>> WriteIrregularHistoryAsync(string watchKey, Random random)
    {
        var measured = new List<GrowthPoint>();
        var followers = 9_000L;
        for (var day = 0; day < 60; day++)
        {
            if (random.Next(5) == 0)
            {
                AdvanceClock(TimeSpan.FromDays(1));
                continue;
            }

            for (var n = random.Next(1, 4); n > 0; n--)
            {
                followers += random.Next(-5, 40);
                long? count = random.Next(10) == 0 ? null : followers;
                await SaveAsync(Observed(watchKey).WithCounts(count, 1, 1));
                if (count is { } value)
                {
                    measured.Add(new GrowthPoint(Clock.GetUtcNow(), value));
                }

                if (random.Next(4) > 0)
                {
                    AdvanceClock(TimeSpan.FromHours(random.Next(1, 7)));
                }

                // Now and then one arrives late: written after later ones, with an earlier instant.
                if (day > 0 && random.Next(8) == 0)
                {
                    var late = Clock.GetUtcNow() - TimeSpan.FromHours(random.Next(1, 40));
                    await SaveAsync(new ObservationBuilder(watchKey, late).WithCounts(followers, 1, 1));
                    measured.Add(new GrowthPoint(late, followers));
                }
            }

            AdvanceClock(TimeSpan.FromHours(random.Next(1, 12)));
        }

        // The calculator takes them in the store's order: by instant, then as written.
        return [.. measured.Select(static (point, written) => (point, written)).OrderBy(static p => p.point.At).ThenBy(static p => p.written).Select(static p => p.point)];
    }

    /// <summary>
    /// Runs the analysis's read and write of the account as a round after its last snapshot does: everything before
    /// that snapshot already evaluated, so the read holds that one and the look-back.
    /// </summary>
    private async Task KeepPointsAsync(TimeSpan lookBack)
    {
        await Database.ExecuteAsync("""
            INSERT INTO band_states (account_id, pending_count, last_snapshot_id, updated_at)
            SELECT account_id, 0, max(id) - 1, 0 FROM snapshots GROUP BY account_id
            """);
        var store = new SqliteAnalysisStore(Connections, Clock);
        var status = await StatusOfAsync("alice");
        var input = Assert.Single(await store.LoadAsync(Platform, [status.PlatformId!], Clock.GetUtcNow() - lookBack, CancellationToken.None));
        var cursor = input.Snapshots.Max(static s => s.Id);
        await store.SaveAsync([new AnalysisUpdate(input.AccountId, input.Cursor, cursor, input.State, [], []) { GrowthPoints = input.GrowthPoints }], CancellationToken.None);
    }

    private async Task<IReadOnlyList<GrowthPoint>> ReadPointsAsync() => Assert.Single(await ReadAllAsync());

    /// <summary>The points of every status record that has some, as status reads them.</summary>
    private async Task<List<IReadOnlyList<GrowthPoint>>> ReadAllAsync() =>
        [.. (await Reader.GetStatusAsync(CancellationToken.None)).Select(static r => r.GrowthPoints).Where(static p => p.Count > 0)];
}
