using Collector.Core.Platforms;
using Collector.Core.Storage;
using Collector.TestKit.Storage;
using Collector.Worker.Tests.MastodonYouTube;
using Microsoft.Extensions.DependencyInjection;

namespace Collector.Worker.Tests.FaultInjection;

/// <summary>
/// Every platform client, through the worker's own container (Core's round, the real clients, SQLite), against its
/// loopback fake serving each fault of issue 7 while a second platform collects in the same service. Each case: the
/// round finishes, the other platform is unaffected, the failure is recorded with a useful message and no snapshot,
/// requests are bounded, and the next run (a fresh process, as <c>collect</c> is) succeeds once the fault clears.
/// </summary>
public sealed class FaultInjectionTests : IAsyncLifetime
{
    private static readonly TimeSpan RoundLimit = TimeSpan.FromSeconds(60);
    private TempDatabase _database = null!;

    public static TheoryData<string, FaultCase> Cases()
    {
        var cases = new TheoryData<string, FaultCase>();
        foreach (var platform in new[] { PlatformKeys.Bluesky, PlatformKeys.X, PlatformKeys.Mastodon, PlatformKeys.YouTube })
        {
            foreach (var fault in Enum.GetValues<FaultCase>())
            {
                cases.Add(platform, fault);
            }
        }

        return cases;
    }

    public async Task InitializeAsync() => _database = await TempDatabase.CreateMigratedAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Fault_IsRecordedAndBounded_OthersAreUnaffected_AndTheNextRunSucceeds(string platform, FaultCase fault)
    {
        await using var faulty = PlatformRig.Create(platform);
        await using var other = PlatformRig.Create(platform == PlatformKeys.Bluesky ? PlatformKeys.X : PlatformKeys.Bluesky);
        await faulty.StartAsync();
        await other.StartAsync();
        var attemptTimeout = fault == FaultCase.HangPastTheAttemptTimeout ? PlatformRig.ShortAttemptTimeout : PlatformRig.LongAttemptTimeout;
        var settings = faulty.Settings(attemptTimeout);
        foreach (var (key, value) in other.Settings(PlatformRig.LongAttemptTimeout))
        {
            settings[key] = value;
        }

        var now = TimeProvider.System.GetUtcNow();
        var reset = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()).AddHours(1);
        var expected = FaultExpectation.For(fault, faulty, reset);
        faulty.Inject(expected.Fault, expected.Times);

        await using (var worker = await WorkerContainer.StartAsync(settings, _database.Path, TimeProvider.System))
        {
            var rounds = await Task.WhenAll(
                worker.Collection.CollectAsync(faulty.Platform, [faulty.Account], null, CancellationToken.None),
                worker.Collection.CollectAsync(other.Platform, [other.Account], null, CancellationToken.None)).WaitAsync(RoundLimit);

            Assert.Equal(1, rounds[1].Collected);
            var result = Assert.Single(rounds[0].Results);
            Assert.Equal((expected.Outcome, expected.Kind), (result.Outcome, result.Error?.Kind));
            Assert.Equal(expected.Requests, faulty.RequestCount);

            var state = await StateOfAsync(worker, faulty.Platform);
            Assert.Null(state.Latest);
            Assert.Equal(expected.Kind.ToString(), state.State!.LastErrorKind);
            Assert.True(state.State.LastError!.Contains(expected.MessagePart, StringComparison.Ordinal), state.State.LastError);
            if (fault == FaultCase.TooManyRequests)
            {
                // Deferred to the announced reset (epoch-second dialects add a one-second margin), not counted.
                Assert.InRange(state.State.NextAttemptAt!.Value, reset, reset.AddSeconds(1));
                Assert.Equal(0, state.State.ConsecutiveFailures);
            }
        }

        var cleared = faulty.Settings(PlatformRig.LongAttemptTimeout);
        await using (var worker = await WorkerContainer.StartAsync(cleared, _database.Path, TimeProvider.System))
        {
            var next = await worker.Collection.CollectAsync(faulty.Platform, [faulty.Account], null, CancellationToken.None).WaitAsync(RoundLimit);

            Assert.Equal(1, next.Collected);
            var state = await StateOfAsync(worker, faulty.Platform);
            Assert.NotNull(state.Latest);
            Assert.Equal((0, null), (state.State!.ConsecutiveFailures, state.State.LastErrorKind));
        }
    }

    private static async Task<AccountStatusRecord> StateOfAsync(WorkerContainer worker, string platform) =>
        Assert.Single(await worker.Services.GetRequiredService<IStatusReader>().GetStatusAsync(CancellationToken.None), r => r.Platform == platform);
}
