using Collector.Core.Platforms;
using Collector.Core.Storage;

namespace Collector.Storage.Tests.Collection;

public sealed class PlatformLevelFailureTests : StoreTestBase
{
    [Fact]
    public async Task APlatformLevelFailure_RecordsTheErrorAndNextAttempt_ButKeepsTheCount()
    {
        await SaveFailuresAsync(Failed("alice", PlatformErrorKind.Unavailable, "HTTP 503"));
        await SaveFailuresAsync(Failed("alice", PlatformErrorKind.Unavailable, "HTTP 503"));
        var reset = Clock.GetUtcNow().AddMinutes(15);

        await SaveFailuresAsync(new AccountFailure(
            "alice", Clock.GetUtcNow(), new PlatformError(PlatformErrorKind.RateLimited, "deferred to the reset", reset), reset, PlatformLevel: true));

        var state = (await StatusOfAsync("alice")).State!;
        Assert.Equal(2, state.ConsecutiveFailures);
        Assert.Equal((nameof(PlatformErrorKind.RateLimited), "deferred to the reset", reset), (state.LastErrorKind, state.LastError, state.NextAttemptAt));
    }

    [Fact]
    public async Task APlatformLevelFailure_OfANewEntry_StartsItAtZero()
    {
        await SaveFailuresAsync(new AccountFailure(
            "bob", Clock.GetUtcNow(), new PlatformError(PlatformErrorKind.Unauthorized, "token refused"), null, PlatformLevel: true));

        Assert.Equal(0, (await StatusOfAsync("bob")).State!.ConsecutiveFailures);
        Assert.Empty(await Store.GetConsecutiveFailuresAsync(Platform, ["bob"], CancellationToken.None));
    }

    [Fact]
    public async Task ConsecutiveFailures_AreReadForTheAskedKeysOnly_AndResetBySuccess()
    {
        await SaveFailuresAsync(
            Failed("alice", PlatformErrorKind.NotFound, "gone"),
            Failed("carol", PlatformErrorKind.NotFound, "gone"));
        await SaveFailuresAsync(Failed("alice", PlatformErrorKind.NotFound, "gone"));
        await SaveAsync(Observed("carol"));

        var counts = await Store.GetConsecutiveFailuresAsync(Platform, ["alice", "carol", "never-seen"], CancellationToken.None);

        Assert.Equal(new Dictionary<string, int> { ["alice"] = 2 }, counts);
    }
}
