using Collector.Core.Platforms;
using Collector.Storage.Quota;
using Collector.TestKit.Storage;

namespace Collector.Storage.Tests.Quota;

public sealed class SqliteQuotaLedgerTests : IAsyncLifetime
{
    private const string YouTube = PlatformKeys.YouTube;
    private static readonly DateOnly Day = new(2025, 3, 8);
    private static readonly DateTimeOffset At = new(2025, 3, 8, 20, 0, 0, TimeSpan.Zero);

    private TempDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TempDatabase.CreateMigratedAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Get_WhenNothingWasSpent_IsZeroAndNotExhausted()
    {
        var usage = await Ledger().GetAsync(YouTube, Day, CancellationToken.None);

        Assert.Equal(new QuotaUsage(YouTube, Day, 0, null), usage);
        Assert.False(usage.IsExhausted);
    }

    [Fact]
    public async Task TrySpend_AddsUpToTheLimit_ThenRefusesWithoutRecording()
    {
        var ledger = Ledger();

        Assert.True(await ledger.TrySpendAsync(YouTube, Day, 3, 5, At, CancellationToken.None));
        Assert.True(await ledger.TrySpendAsync(YouTube, Day, 2, 5, At, CancellationToken.None));
        Assert.False(await ledger.TrySpendAsync(YouTube, Day, 1, 5, At, CancellationToken.None));

        Assert.Equal(5, (await ledger.GetAsync(YouTube, Day, CancellationToken.None)).Units);
    }

    [Fact]
    public async Task TrySpend_AFirstSpendAboveTheLimit_IsRefused()
    {
        var ledger = Ledger();

        Assert.False(await ledger.TrySpendAsync(YouTube, Day, 6, 5, At, CancellationToken.None));

        Assert.Equal(0, (await ledger.GetAsync(YouTube, Day, CancellationToken.None)).Units);
        Assert.Equal(0L, await _database.CountAsync("quota_usage"));
    }

    [Fact]
    public async Task Usage_IsKeptPerPlatformAndDay()
    {
        var ledger = Ledger();
        await ledger.TrySpendAsync(YouTube, Day, 4, 5, At, CancellationToken.None);

        Assert.True(await ledger.TrySpendAsync(YouTube, Day.AddDays(1), 5, 5, At, CancellationToken.None));
        Assert.True(await ledger.TrySpendAsync("other", Day, 5, 5, At, CancellationToken.None));
        Assert.Equal(4, (await ledger.GetAsync(YouTube, Day, CancellationToken.None)).Units);
        Assert.Equal("2025-03-09", await _database.ScalarAsync(
            "SELECT quota_day FROM quota_usage WHERE platform = 'youtube' ORDER BY quota_day DESC LIMIT 1"));
    }

    [Fact]
    public async Task MarkExhausted_RefusesEveryFurtherSpendThatDay_AndKeepsTheUnitsReallySpent()
    {
        var ledger = Ledger();
        await ledger.TrySpendAsync(YouTube, Day, 2, 10_000, At, CancellationToken.None);

        await ledger.MarkExhaustedAsync(YouTube, Day, At.AddMinutes(1), CancellationToken.None);
        await ledger.MarkExhaustedAsync(YouTube, Day, At.AddMinutes(9), CancellationToken.None);

        Assert.False(await ledger.TrySpendAsync(YouTube, Day, 1, 10_000, At, CancellationToken.None));
        Assert.Equal(new QuotaUsage(YouTube, Day, 2, At.AddMinutes(1)), await ledger.GetAsync(YouTube, Day, CancellationToken.None));
        Assert.True(await ledger.TrySpendAsync(YouTube, Day.AddDays(1), 1, 10_000, At, CancellationToken.None));
    }

    [Fact]
    public async Task MarkExhausted_OnADayWithoutUsage_CreatesTheDay()
    {
        var ledger = Ledger();

        await ledger.MarkExhaustedAsync(YouTube, Day, At, CancellationToken.None);

        Assert.Equal(new QuotaUsage(YouTube, Day, 0, At), await ledger.GetAsync(YouTube, Day, CancellationToken.None));
    }

    [Fact]
    public async Task Usage_SurvivesARestart()
    {
        await Ledger().TrySpendAsync(YouTube, Day, 7, 10, At, CancellationToken.None);

        var restarted = Ledger();

        Assert.Equal(7, (await restarted.GetAsync(YouTube, Day, CancellationToken.None)).Units);
        Assert.False(await restarted.TrySpendAsync(YouTube, Day, 4, 10, At, CancellationToken.None));
    }

    [Fact]
    public async Task ConcurrentSpendsFromTwoWriters_NeverExceedTheLimit()
    {
        // Two ledgers on their own connection factories stand in for the worker and the CLI.
        SqliteQuotaLedger[] writers = [Ledger(), Ledger()];

        var granted = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            Task.Run(() => writers[i % 2].TrySpendAsync(YouTube, Day, 1, 25, At, CancellationToken.None))));

        Assert.Equal(25, granted.Count(static g => g));
        Assert.Equal(25, (await Ledger().GetAsync(YouTube, Day, CancellationToken.None)).Units);
    }

    private SqliteQuotaLedger Ledger() => new(new SqliteConnectionFactory(_database.Path));
}
