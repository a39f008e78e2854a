using Collector.Core.Analytics;
using Collector.Storage.Analytics;

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
    public async Task Points_AreTheCandidatesOfTheWholeHistory_KeptOrComputed(int seed)
    {
        var history = await WriteIrregularHistoryAsync("alice", new Random(seed));
        var expected = GrowthCalculator.Candidates(history);

        var computed = await ReadPointsAsync();
        await KeepPointsAsync();
        var kept = await ReadPointsAsync();

        Assert.Equal(expected, computed);
        Assert.Equal(expected, kept);
        Assert.Equal(1L, await Database.ScalarAsync("SELECT count(*) FROM account_growth"));
    }

    [Fact]
    public async Task Points_GiveTheSameSummaryAsTheWholeHistory()
    {
        var history = await WriteIrregularHistoryAsync("alice", new Random(7));
        await KeepPointsAsync();

        var fromPoints = GrowthCalculator.Summarize(await ReadPointsAsync(), Core.Bands.BandSettings.Default);
        var fromHistory = GrowthCalculator.Summarize(history, Core.Bands.BandSettings.Default);

        Assert.Equal(fromHistory.Windows, fromPoints.Windows);
        Assert.Equal(fromHistory with { Windows = [] }, fromPoints with { Windows = [] });
    }

    [Fact]
    public async Task Points_WhenTheKeptRowDoesNotParse_AreComputedAfresh()
    {
        var history = await WriteIrregularHistoryAsync("alice", new Random(3));
        await KeepPointsAsync();
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
            }

            AdvanceClock(TimeSpan.FromHours(random.Next(1, 12)));
        }

        return measured;
    }

    private async Task KeepPointsAsync()
    {
        await using var connection = await Database.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        using (var writer = new GrowthPointsWriter(connection))
        {
            writer.Refresh((await StatusOfAsync("alice")).AccountId!.Value, Clock.GetUtcNow());
        }

        transaction.Commit();
    }

    private async Task<IReadOnlyList<GrowthPoint>> ReadPointsAsync() => Assert.Single(await ReadAllAsync());

    /// <summary>The points of every status record that has some, as status reads them.</summary>
    private async Task<List<IReadOnlyList<GrowthPoint>>> ReadAllAsync() =>
        [.. (await Reader.GetStatusAsync(CancellationToken.None)).Select(static r => r.GrowthPoints).Where(static p => p.Count > 0)];
}
