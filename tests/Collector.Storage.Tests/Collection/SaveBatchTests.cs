using Collector.Core.Metrics;
using Collector.Core.Platforms;
using Collector.Core.Storage;

namespace Collector.Storage.Tests.Collection;

public sealed class SaveBatchTests : StoreTestBase
{
    [Fact]
    public async Task SaveBatch_WithOneObservation_WritesAccountSnapshotAndSuccessfulState()
    {
        await SaveAsync(Observed("alice.bsky.social").WithAccount("did:plc:alice", "alice.bsky.social").WithCounts(12_345, 67, 890));

        var status = await StatusOfAsync("alice.bsky.social");
        Assert.Equal(Platform, status.Platform);
        Assert.Equal("did:plc:alice", status.PlatformId);
        Assert.Equal("alice.bsky.social", status.Handle);
        Assert.NotNull(status.AccountId);
        Assert.NotNull(status.Latest);
        Assert.Equal(status.AccountId, status.Latest.AccountId);
        Assert.Equal(Clock.GetUtcNow(), status.Latest.CollectedAt);
        Assert.Equal(12_345, status.Latest.Followers);
        Assert.Equal(67, status.Latest.Following);
        Assert.Equal(890, status.Latest.Posts);
        Assert.NotNull(status.State);
        Assert.Equal(Clock.GetUtcNow(), status.State.LastAttemptAt);
        Assert.Equal(Clock.GetUtcNow(), status.State.LastSuccessAt);
        Assert.Equal(0, status.State.ConsecutiveFailures);
        Assert.Null(status.State.LastErrorKind);
        Assert.Null(status.State.LastError);
        Assert.Equal(1L, await Database.CountAsync("accounts"));
        Assert.Equal(1L, await Database.CountAsync("snapshots"));
    }

    [Fact]
    public async Task SaveBatch_TwiceForOneAccount_KeepsBothSnapshotsAndStatusShowsTheNewer()
    {
        await SaveAsync(Observed("alice").WithCounts(1_000, 10, 100));
        var firstAt = Clock.GetUtcNow();
        Clock.Advance(TimeSpan.FromHours(6));
        await SaveAsync(Observed("alice").WithCounts(1_100, 11, 101));

        var status = await StatusOfAsync("alice");
        Assert.Equal(1_100, status.Latest!.Followers);
        Assert.Equal(Clock.GetUtcNow(), status.Latest.CollectedAt);
        Assert.Equal(Clock.GetUtcNow(), status.State!.LastSuccessAt);
        var history = await Reader.GetSnapshotsAsync(status.AccountId!.Value, since: null, CancellationToken.None);
        Assert.Equal([firstAt, Clock.GetUtcNow()], history.Select(s => s.CollectedAt));
        Assert.Equal([1_000L, 1_100L], history.Select(s => s.Followers!.Value));
        Assert.Equal(1L, await Database.CountAsync("accounts"));
    }

    [Fact]
    public async Task SaveBatch_WhenAnOlderObservationArrivesLate_LatestStaysTheNewest()
    {
        var early = Observed("alice").WithCounts(1_000, 10, 100).Build();
        Clock.Advance(TimeSpan.FromHours(6));
        await SaveAsync(Observed("alice").WithCounts(2_000, 20, 200));

        await SaveAsync(early);

        var status = await StatusOfAsync("alice");
        Assert.Equal(2_000, status.Latest!.Followers);
        Assert.Equal(2L, await Database.CountAsync("snapshots"));
    }

    [Fact]
    public async Task SaveBatch_WhenHandleChangesForSameStableId_KeepsOneAccountAndRecordsHistory()
    {
        var firstAt = Clock.GetUtcNow();
        await SaveAsync(Observed("old.bsky.social").WithAccount("did:plc:same", "old.bsky.social"));
        var renamedAt = AdvanceClock(TimeSpan.FromDays(1));
        await SaveAsync(Observed("old.bsky.social").WithAccount("did:plc:same", "new.bsky.social"));

        var status = await StatusOfAsync("old.bsky.social");
        Assert.Equal("new.bsky.social", status.Handle);
        Assert.Equal(1L, await Database.CountAsync("accounts"));
        Assert.Equal(2L, await Database.CountAsync("snapshots"));
        Assert.Equal(
            [("old.bsky.social", firstAt, firstAt), ("new.bsky.social", renamedAt, null)],
            await HandleHistoryAsync(status.AccountId!.Value));
    }

    [Fact]
    public async Task SaveBatch_WhenHandleIsUnchanged_KeepsOneOpenSpanAndWritesOnlyTheSnapshot()
    {
        var firstAt = Clock.GetUtcNow();
        await SaveAsync(Observed("alice").WithAccount("did:plc:a", "alice"));
        AdvanceClock(TimeSpan.FromHours(6));
        await SaveAsync(Observed("alice").WithAccount("did:plc:a", "alice"));

        var status = await StatusOfAsync("alice");
        Assert.Equal([("alice", firstAt, null)], await HandleHistoryAsync(status.AccountId!.Value));
        Assert.Equal(2L, await Database.CountAsync("snapshots"));
    }

    [Fact]
    public async Task SaveBatch_InTheSteadyState_WritesTheSnapshotRowAndNothingElse()
    {
        await SaveAsync(Observed("alice").WithAccount("did:plc:a", "alice").WithCounts(1, 2, 3));
        await LogRowWritesAsync("accounts", "account_handles", "watch_entries", "snapshots");
        AdvanceClock(TimeSpan.FromHours(6));

        await SaveAsync(Observed("alice").WithAccount("did:plc:a", "alice").WithCounts(7, 8, 9));

        Assert.Equal(["INSERT snapshots"], await RowWritesAsync());
        var status = await StatusOfAsync("alice");
        Assert.Equal(Clock.GetUtcNow(), status.State!.LastAttemptAt);
        Assert.Equal(Clock.GetUtcNow(), status.State.LastSuccessAt);
    }

    [Fact]
    public async Task SaveBatch_WithWhatTheRoundFound_WritesTheSnapshotRowAndNothingElse()
    {
        await SaveAsync(Observed("alice").WithAccount("did:plc:a", "alice").WithCounts(1, 2, 3));
        await LogRowWritesAsync("accounts", "account_handles", "watch_entries", "snapshots");
        AdvanceClock(TimeSpan.FromHours(6));

        await SaveAsync(await KnownAsync(Observed("alice").WithAccount("did:plc:a", "alice").WithCounts(7, 8, 9).Build()));

        Assert.Equal(["INSERT snapshots"], await RowWritesAsync());
        Assert.Equal(7L, (await StatusOfAsync("alice")).Latest!.Followers);
    }

    [Fact]
    public async Task SaveBatch_WhenTheRoundFoundFailureState_ClearsIt()
    {
        await SaveAsync(Observed("alice").WithAccount("did:plc:a", "alice"));
        AdvanceClock(TimeSpan.FromHours(6));
        await SaveFailuresAsync(Failed("alice", PlatformErrorKind.Unavailable, "503 Service Unavailable"));
        AdvanceClock(TimeSpan.FromHours(6));

        await SaveAsync(await KnownAsync(Observed("alice").WithAccount("did:plc:a", "alice").WithCounts(5, 5, 5).Build()));

        var status = await StatusOfAsync("alice");
        Assert.Equal(0, status.State!.ConsecutiveFailures);
        Assert.Null(status.State.LastError);
        Assert.Equal(5L, status.Latest!.Followers);
        Assert.Equal(Clock.GetUtcNow(), status.State.LastAttemptAt);
    }

    [Fact]
    public async Task SaveBatch_WhenThePlatformReportsANewHandle_RecordsTheRenameDespiteWhatTheRoundFound()
    {
        await SaveAsync(Observed("alice").WithAccount("did:plc:a", "alice"));
        AdvanceClock(TimeSpan.FromHours(6));

        await SaveAsync(await KnownAsync(Observed("alice").WithAccount("did:plc:a", "alice2").Build()));

        var status = await StatusOfAsync("alice");
        Assert.Equal("alice2", status.Handle);
        Assert.Equal(["alice", "alice2"], (await HandleHistoryAsync(status.AccountId!.Value)).Select(span => span.Handle));
    }

    [Fact]
    public async Task SaveBatch_AfterAFailure_ClearsTheEntrysFailureState()
    {
        await SaveAsync(Observed("alice").WithAccount("did:plc:a", "alice"));
        AdvanceClock(TimeSpan.FromHours(6));
        await SaveFailuresAsync(Failed("alice", PlatformErrorKind.Unavailable, "503 Service Unavailable"));
        await LogRowWritesAsync("watch_entries");
        AdvanceClock(TimeSpan.FromHours(6));

        await SaveAsync(Observed("alice").WithAccount("did:plc:a", "alice"));

        Assert.Equal(["UPDATE watch_entries"], await RowWritesAsync());
        var state = (await StatusOfAsync("alice")).State!;
        Assert.Equal(0, state.ConsecutiveFailures);
        Assert.Null(state.LastErrorKind);
        Assert.Equal(Clock.GetUtcNow(), state.LastAttemptAt);
    }

    [Fact]
    public async Task SaveBatch_WhenAccountReturnsToAnEarlierHandle_RecordsEachSpan()
    {
        await SaveAsync(Observed("a").WithAccount("did:plc:x", "a"));
        Clock.Advance(TimeSpan.FromDays(1));
        await SaveAsync(Observed("a").WithAccount("did:plc:x", "b"));
        Clock.Advance(TimeSpan.FromDays(1));
        await SaveAsync(Observed("a").WithAccount("did:plc:x", "a"));

        var history = await HandleHistoryAsync((await StatusOfAsync("a")).AccountId!.Value);

        Assert.Equal(["a", "b", "a"], history.Select(span => span.Handle));
    }

    [Fact]
    public async Task SaveBatch_WhenTwoWatchKeysResolveToOneAccount_BothShareItsLatestSnapshot()
    {
        await SaveAsync(
            Observed("alice.bsky.social").WithAccount("did:plc:alice", "alice.bsky.social").WithCounts(500, 1, 2),
            Observed("did:plc:alice").WithAccount("did:plc:alice", "alice.bsky.social").WithCounts(500, 1, 2));

        var byHandle = await StatusOfAsync("alice.bsky.social");
        var byDid = await StatusOfAsync("did:plc:alice");
        Assert.Equal(byHandle.AccountId, byDid.AccountId);
        Assert.Equal(byHandle.Latest, byDid.Latest);
        Assert.Equal(1L, await Database.CountAsync("accounts"));
    }

    [Fact]
    public async Task SaveBatch_WhenWatchKeyResolvesToAnotherAccount_RelinksAndStatusFollowsTheNewAccount()
    {
        await SaveAsync(Observed("popular").WithAccount("did:plc:first", "popular").WithCounts(100, 1, 1));
        Clock.Advance(TimeSpan.FromDays(1));
        await SaveAsync(Observed("popular").WithAccount("did:plc:second", "popular").WithCounts(999, 9, 9));

        var status = await StatusOfAsync("popular");
        Assert.Equal("did:plc:second", status.PlatformId);
        Assert.Equal(999, status.Latest!.Followers);
        Assert.Equal(2L, await Database.CountAsync("accounts"));
        Assert.Equal(1L, await Database.CountAsync("watch_entries"));
    }

    [Fact]
    public async Task SaveBatch_SameWatchKeyOnAnotherPlatform_IsASeparateEntry()
    {
        await SaveAsync(Observed("alice").WithAccount("1", "alice"));
        await Store.SaveBatchAsync("x", [Observed("alice").WithAccount("1", "alice").Build()], [], CancellationToken.None);

        var entries = (await Reader.GetStatusAsync(CancellationToken.None)).Where(r => r.WatchKey == "alice").ToList();

        Assert.Equal(["bluesky", "x"], entries.Select(e => e.Platform));
        Assert.NotEqual(entries[0].AccountId, entries[1].AccountId);
    }

    [Fact]
    public async Task SaveBatch_WhenPostsRefIsMissingLater_KeepsTheKnownOne()
    {
        await SaveAsync(Observed("@dev").WithAccount("UC123", "@dev").WithPostsRef("UU123"));
        Clock.Advance(TimeSpan.FromDays(1));
        await SaveAsync(Observed("@dev").WithAccount("UC123", "@dev").WithPostsRef(null));

        var tracked = await Store.GetTrackedAccountsAsync(Platform, ["@dev"], CancellationToken.None);

        Assert.Equal("UU123", tracked["@dev"].PostsRef);
    }

    [Fact]
    public async Task SaveBatch_StoresTheEngagementFormulaOnlyWhenEngagementWasSampled()
    {
        await SaveAsync(
            Observed("sampled").WithEngagement(new EngagementSummary(12, 1, 2, 3, 4, 5, 0.01)),
            Observed("profile-only").WithEngagement(null));

        Assert.Equal(EngagementSummary.Formula, await FormulaOfAsync("sampled"));
        Assert.Null(await FormulaOfAsync("profile-only"));
    }

    private async Task<object?> FormulaOfAsync(string watchKey) =>
        await Database.ScalarAsync(
            """
            SELECT s.er_formula FROM snapshots s JOIN watch_entries w ON w.account_id = s.account_id
             WHERE w.watch_key = $key
            """,
            ("$key", watchKey));

    private async Task<List<(string Handle, DateTimeOffset FirstSeen, DateTimeOffset? LastSeen)>> HandleHistoryAsync(long accountId)
    {
        await using var connection = await Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT handle, first_seen_at, last_seen_at FROM account_handles WHERE account_id = $id ORDER BY id";
        command.Parameters.AddWithValue("$id", accountId);
        var spans = new List<(string, DateTimeOffset, DateTimeOffset?)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            spans.Add((reader.GetString(0),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                reader.IsDBNull(2) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2))));
        }

        return spans;
    }

    /// <summary>Logs every row insert and update of <paramref name="tables"/> through triggers, from here on.</summary>
    private async Task LogRowWritesAsync(params string[] tables)
    {
        await Database.ExecuteAsync("CREATE TABLE row_writes (id INTEGER PRIMARY KEY, what TEXT NOT NULL);");
        foreach (var table in tables)
        {
            foreach (var verb in new[] { "INSERT", "UPDATE" })
            {
                await Database.ExecuteAsync(
                    $"CREATE TRIGGER log_{verb}_{table} AFTER {verb} ON {table} BEGIN INSERT INTO row_writes (what) VALUES ('{verb} {table}'); END;");
            }
        }
    }

    private async Task<List<string>> RowWritesAsync()
    {
        await using var connection = await Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT what FROM row_writes ORDER BY id";
        var writes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            writes.Add(reader.GetString(0));
        }

        return writes;
    }

    /// <summary>The observation as the collector hands it over: with what the round read of its entry beforehand.</summary>
    private async Task<AccountObservation> KnownAsync(AccountObservation observation)
    {
        var tracked = await Store.GetTrackedAccountsAsync(Platform, [observation.WatchKey], CancellationToken.None);
        return observation with { Known = tracked[observation.WatchKey] };
    }
}
