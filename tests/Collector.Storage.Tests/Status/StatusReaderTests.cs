using Collector.Storage.Status;

namespace Collector.Storage.Tests.Status;

public sealed class StatusReaderTests : StoreTestBase
{
    [Fact]
    public async Task GetSnapshots_ReturnsOldestFirstAndOnlyThatAccount()
    {
        await SaveAsync(Observed("alice").WithCounts(1, 0, 0), Observed("bob").WithCounts(100, 0, 0));
        Clock.Advance(TimeSpan.FromHours(6));
        await SaveAsync(Observed("alice").WithCounts(2, 0, 0));
        Clock.Advance(TimeSpan.FromHours(6));
        await SaveAsync(Observed("alice").WithCounts(3, 0, 0));
        var alice = (await StatusOfAsync("alice")).AccountId!.Value;

        var snapshots = await Reader.GetSnapshotsAsync(alice, since: null, CancellationToken.None);

        Assert.Equal([1L, 2L, 3L], snapshots.Select(s => s.Followers!.Value));
        Assert.All(snapshots, s => Assert.Equal(alice, s.AccountId));
    }

    [Fact]
    public async Task GetSnapshots_Since_IncludesTheBoundAndExcludesOlder()
    {
        await SaveAsync(Observed("alice").WithCounts(1, 0, 0));
        var second = AdvanceClock(TimeSpan.FromHours(6));
        await SaveAsync(Observed("alice").WithCounts(2, 0, 0));
        Clock.Advance(TimeSpan.FromHours(6));
        await SaveAsync(Observed("alice").WithCounts(3, 0, 0));
        var alice = (await StatusOfAsync("alice")).AccountId!.Value;

        var snapshots = await Reader.GetSnapshotsAsync(alice, second, CancellationToken.None);

        Assert.Equal([2L, 3L], snapshots.Select(s => s.Followers!.Value));
    }

    [Fact]
    public async Task GetSnapshots_SinceGivenInAnotherOffset_ComparesAsInstants()
    {
        await SaveAsync(Observed("alice").WithCounts(1, 0, 0));
        Clock.Advance(TimeSpan.FromHours(6));
        await SaveAsync(Observed("alice").WithCounts(2, 0, 0));
        var alice = (await StatusOfAsync("alice")).AccountId!.Value;
        var sinceInTokyo = Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9));

        var snapshots = await Reader.GetSnapshotsAsync(alice, sinceInTokyo, CancellationToken.None);

        Assert.Equal([2L], snapshots.Select(s => s.Followers!.Value));
    }

    [Fact]
    public async Task GetSnapshots_ForUnknownAccount_ReturnsEmpty()
    {
        Assert.Empty(await Reader.GetSnapshotsAsync(12345, since: null, CancellationToken.None));
    }

    [Fact]
    public async Task GetStatusOfOneEntry_ReturnsThatEntryWithItsNewestSnapshot()
    {
        await SaveAsync(Observed("alice").WithCounts(1, 0, 0), Observed("bob").WithCounts(100, 0, 0));
        Clock.Advance(TimeSpan.FromHours(6));
        await SaveAsync(Observed("alice").WithCounts(2, 0, 0));

        var alice = await Reader.GetStatusAsync(Platform, "alice", CancellationToken.None);

        Assert.Equivalent(await StatusOfAsync("alice"), alice, strict: true);
        Assert.Equal(2L, alice!.Latest!.Followers);
        Assert.Equal([1L, 2L], alice.GrowthPoints.Select(static p => p.Followers));
    }

    [Fact]
    public async Task GetStatusOfOneEntry_WhenNeverSeen_ReturnsNull()
    {
        await SaveAsync(Observed("alice").WithCounts(1, 0, 0));

        Assert.Null(await Reader.GetStatusAsync(Platform, "carol", CancellationToken.None));
        Assert.Null(await Reader.GetStatusAsync("mastodon", "alice", CancellationToken.None));
    }

    [Fact]
    public async Task GetStatus_WhenCancelled_Throws()
    {
        await SaveAsync(Observed("alice").WithCounts(1, 0, 0));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Reader.GetStatusAsync(cancelled.Token));
    }

    [Fact]
    public async Task GetStatus_OnEmptyDatabase_ReturnsEmpty()
    {
        Assert.Empty(await Reader.GetStatusAsync(CancellationToken.None));
    }

    [Fact]
    public async Task GetStatus_ListsEntriesInTheOrderTheyWereFirstSeen()
    {
        await Store.SaveBatchAsync("x", [Observed("b").Build(), Observed("a").Build()], [], CancellationToken.None);
        await SaveAsync(Observed("z"));

        var status = await Reader.GetStatusAsync(CancellationToken.None);

        Assert.Equal(["x:b", "x:a", "bluesky:z"], status.Select(s => $"{s.Platform}:{s.WatchKey}"));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public async Task GetStatus_ReadInParts_IsTheSameAsInOneRead(int parts)
    {
        for (var round = 0; round < 3; round++)
        {
            await SaveAsync([.. Enumerable.Range(0, 7).Select(i => Observed($"user{i}").WithCounts((i * 10L) + round, 0, 0).Build())]);
            Clock.Advance(TimeSpan.FromDays(1));
        }

        await SaveFailuresAsync(Failed("user3", Core.Platforms.PlatformErrorKind.Unavailable, "503"));
        var inParts = new SqliteStatusReader(new SqliteConnectionFactory(Database.Path), parts, entriesPerPart: 1);

        var whole = await Reader.GetStatusAsync(CancellationToken.None);
        var joined = await inParts.GetStatusAsync(CancellationToken.None);

        Assert.Equal(7, joined.Count);
        Assert.Equivalent(whole, joined, strict: true);
        Assert.Equal(whole.Select(static r => r.WatchKey), joined.Select(static r => r.WatchKey));
    }

    [Fact]
    public async Task ReadStatus_InParts_HandsEachPartItsOwnEntriesInOrderFromOneThreadAtATime()
    {
        await SaveAsync([.. Enumerable.Range(0, 7).Select(i => Observed($"user{i}").WithCounts(i, 0, 0).Build())]);
        var inParts = new SqliteStatusReader(new SqliteConnectionFactory(Database.Path), maxParts: 3, entriesPerPart: 1);

        var parts = await inParts.ReadStatusAsync(
            static () => new Part(),
            static (part, record) =>
            {
                Assert.Equal(0, Interlocked.Increment(ref part.Adding) - 1);
                part.Records.Add(record);
                Interlocked.Decrement(ref part.Adding);
            },
            CancellationToken.None);

        Assert.Equal(3, parts.Count);
        Assert.All(parts, static part => Assert.NotEmpty(part.Records));
        var whole = await Reader.GetStatusAsync(CancellationToken.None);
        Assert.Equal(whole.Select(static r => r.WatchKey), parts.SelectMany(static p => p.Records).Select(static r => r.WatchKey));
    }

    [Fact]
    public async Task ReadStatus_EmptyDatabase_OpensNoPart()
    {
        var parts = await Reader.ReadStatusAsync(static () => new Part(), static (part, record) => part.Records.Add(record), CancellationToken.None);

        Assert.Empty(parts);
    }

    [Fact]
    public async Task GetStates_GiveEveryEntryTheStateItsStatusHas()
    {
        await SaveAsync(Observed("alice").WithCounts(1, 0, 0), Observed("bob").WithCounts(2, 0, 0));
        var secondSuccess = AdvanceClock(TimeSpan.FromHours(6));
        await SaveAsync(Observed("alice").WithCounts(3, 0, 0));
        var failure = AdvanceClock(TimeSpan.FromHours(6));
        await SaveFailuresAsync(
            Failed("bob", Core.Platforms.PlatformErrorKind.Unavailable, "503"),
            Failed("carol", Core.Platforms.PlatformErrorKind.NotFound, "no such user"));

        var status = (await Reader.GetStatusAsync(CancellationToken.None)).ToDictionary(static r => r.WatchKey);
        var states = await Reader.GetStatesAsync(CancellationToken.None);

        Assert.Equal(["alice", "bob", "carol"], states.Select(static s => s.WatchKey).Order(StringComparer.Ordinal));
        Assert.All(states, s => Assert.Equal(status[s.WatchKey].State, s.State));
        Assert.All(states, s => Assert.Equal(Platform, s.Platform));
        var alice = states.Single(static s => s.WatchKey == "alice").State;
        Assert.Equal(secondSuccess, alice.LastSuccessAt);
        Assert.Equal(secondSuccess, alice.LastAttemptAt);
        var bob = states.Single(static s => s.WatchKey == "bob").State;
        Assert.Equal((failure, 1), (bob.LastAttemptAt!.Value, bob.ConsecutiveFailures));
        Assert.Equal(0, alice.ConsecutiveFailures);
    }

    [Fact]
    public async Task GetStates_OnEmptyDatabase_ReturnsEmpty()
    {
        Assert.Empty(await Reader.GetStatesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task GetStatus_OverManyAccountsAndSnapshots_ReturnsEachEntryOnceWithItsNewestSnapshot()
    {
        const int accounts = 5_000;
        const int rounds = 20;
        for (var round = 0; round < rounds; round++)
        {
            // Followers encode (account, round) so a wrong join or an older snapshot shows up as a wrong number.
            await SaveAsync([.. Enumerable.Range(0, accounts).Select(i =>
                Observed($"user{i:D5}").WithCounts((i * 100L) + round, round, i).Build())]);
            Clock.Advance(TimeSpan.FromHours(6));
        }

        var status = await Reader.GetStatusAsync(CancellationToken.None);

        Assert.Equal(accounts, status.Count);
        Assert.Equal(accounts * rounds, await Database.CountAsync("snapshots"));
        var lastRoundAt = Clock.GetUtcNow() - TimeSpan.FromHours(6);
        for (var i = 0; i < accounts; i++)
        {
            var row = status[i];
            Assert.Equal($"user{i:D5}", row.WatchKey);
            Assert.Equal((i * 100L) + rounds - 1, row.Latest!.Followers);
            Assert.Equal(i, row.Latest.Posts);
            Assert.Equal(lastRoundAt, row.Latest.CollectedAt);
            Assert.Equal(row.AccountId, row.Latest.AccountId);
        }
    }

    private sealed class Part
    {
        public readonly List<Core.Storage.AccountStatusRecord> Records = [];
        public int Adding;
    }
}
