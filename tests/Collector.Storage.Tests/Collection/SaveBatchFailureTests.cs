using Collector.Core.Platforms;

namespace Collector.Storage.Tests.Collection;

public sealed class SaveBatchFailureTests : StoreTestBase
{
    [Fact]
    public async Task SaveBatch_WithRepeatedFailures_CountsThemAndKeepsTheLastError()
    {
        await SaveAsync(Observed("alice"));
        Clock.Advance(TimeSpan.FromHours(6));
        await SaveFailuresAsync(Failed("alice", PlatformErrorKind.Unavailable, "HTTP 503 from AppView"));
        var retryAt = AdvanceClock(TimeSpan.FromHours(6)) + TimeSpan.FromMinutes(30);
        await SaveFailuresAsync(Failed("alice", PlatformErrorKind.RateLimited, "429, reset in 30 min", retryAt));

        var state = (await StatusOfAsync("alice")).State!;

        Assert.Equal(2, state.ConsecutiveFailures);
        Assert.Equal(nameof(PlatformErrorKind.RateLimited), state.LastErrorKind);
        Assert.Equal("429, reset in 30 min", state.LastError);
        Assert.Equal(Clock.GetUtcNow(), state.LastAttemptAt);
        Assert.Equal(retryAt, state.NextAttemptAt);
        Assert.Equal(Clock.GetUtcNow() - TimeSpan.FromHours(12), state.LastSuccessAt);
    }

    [Fact]
    public async Task SaveBatch_FailureOfAResolvedEntry_KeepsItsAccountAndLatestSnapshot()
    {
        await SaveAsync(Observed("alice").WithCounts(4_321, 1, 1));
        Clock.Advance(TimeSpan.FromHours(6));

        await SaveFailuresAsync(Failed("alice", PlatformErrorKind.Suspended, "account suspended"));

        var status = await StatusOfAsync("alice");
        Assert.Equal("id-alice", status.PlatformId);
        Assert.Equal(4_321, status.Latest!.Followers);
    }

    [Fact]
    public async Task SaveBatch_SuccessAfterFailures_ResetsFailuresAndClearsTheError()
    {
        await SaveFailuresAsync(Failed("alice", PlatformErrorKind.Unavailable, "timeout", Clock.GetUtcNow().AddHours(1)));
        Clock.Advance(TimeSpan.FromHours(1));
        await SaveFailuresAsync(Failed("alice", PlatformErrorKind.Unavailable, "timeout", Clock.GetUtcNow().AddHours(2)));
        Clock.Advance(TimeSpan.FromHours(2));

        await SaveAsync(Observed("alice"));

        var state = (await StatusOfAsync("alice")).State!;
        Assert.Equal(0, state.ConsecutiveFailures);
        Assert.Null(state.LastErrorKind);
        Assert.Null(state.LastError);
        Assert.Null(state.NextAttemptAt);
        Assert.Equal(Clock.GetUtcNow(), state.LastSuccessAt);
        Assert.Equal(Clock.GetUtcNow(), state.LastAttemptAt);
    }

    [Fact]
    public async Task SaveBatch_EntryThatNeverResolved_AppearsInStatusWithStateButNoAccount()
    {
        await SaveFailuresAsync(Failed("ghost.bsky.social", PlatformErrorKind.NotFound, "Profile not found"));

        var status = await StatusOfAsync("ghost.bsky.social");

        Assert.Equal(Platform, status.Platform);
        Assert.Null(status.AccountId);
        Assert.Null(status.PlatformId);
        Assert.Null(status.Handle);
        Assert.Null(status.Latest);
        Assert.Equal(1, status.State!.ConsecutiveFailures);
        Assert.Equal(nameof(PlatformErrorKind.NotFound), status.State.LastErrorKind);
        Assert.Null(status.State.LastSuccessAt);
        Assert.Equal(0L, await Database.CountAsync("accounts"));
    }

    [Fact]
    public async Task SaveBatch_WithAHugeErrorMessage_StoresItTruncated()
    {
        var html = "<html>" + new string('x', 10_000);

        await SaveFailuresAsync(Failed("alice", PlatformErrorKind.InvalidResponse, html));

        var stored = (await StatusOfAsync("alice")).State!.LastError!;
        Assert.Equal(Storage.Collection.FailureWriter.MaxErrorLength, stored.Length);
        Assert.StartsWith("<html>", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveBatch_WithSuccessesAndFailuresTogether_WritesBoth()
    {
        await Store.SaveBatchAsync(
            Platform,
            [Observed("ok").Build()],
            [Failed("broken", PlatformErrorKind.Protected, "posts are private")],
            CancellationToken.None);

        var status = (await Reader.GetStatusAsync(CancellationToken.None)).ToDictionary(static s => s.WatchKey);

        Assert.Equal(["broken", "ok"], status.Keys.Order());
        Assert.Equal(1, status["broken"].State!.ConsecutiveFailures);
        Assert.Equal(0, status["ok"].State!.ConsecutiveFailures);
        Assert.NotNull(status["ok"].Latest);
    }
}
