using Collector.TestKit.Fakes;
using Collector.Worker.Tests.Run;

namespace Collector.Worker.Tests.Jobs;

public sealed class SchedulingTests
{
    private static readonly FakeBlueskyAccount Alice = new("did:plc:aliceaaaaaaaaaaaaaaaaaaa", "alice.bsky.social");
    private static readonly FakeBlueskyAccount Bob = new("did:plc:bobbbbbbbbbbbbbbbbbbbbbb", "bob.bsky.social");

    [Fact]
    public async Task Run_FiresEachGroupOnItsScheduleAndCollects()
    {
        await using var worker = await WorkerHarness.CreateAsync(
            """
            schedule: every 6h
            engagement_posts: 0
            accounts:
              - bluesky: alice.bsky.social
              - bluesky: bob.bsky.social
            """,
            Alice,
            Bob);
        var probe = new RoundProbe();
        await worker.StartAsync(listener: probe);

        // New accounts are due at once: one round, one batched request for both.
        await Eventually.HoldsAsync(() => probe.Completed >= 1, "the first round ran");
        Assert.Equal(1, await worker.SnapshotsOfAsync(Alice.Did));
        Assert.Equal(1, await worker.SnapshotsOfAsync(Bob.Did));
        Assert.Equal(["alice.bsky.social", "bob.bsky.social"], Assert.Single(worker.ProfileRequests()).Order());
        Assert.Equal(WorkerHarness.Start.AddHours(6), await worker.NextRoundAsync("bluesky", "every 6h"));

        // Nothing happens before the slot; at the slot the group runs again, by stable id this time.
        await worker.AdvanceAsync(TimeSpan.FromHours(6));
        await Eventually.HoldsAsync(() => probe.Completed >= 2, "the second round ran");
        Assert.Equal(2, await worker.SnapshotsOfAsync(Alice.Did));
        Assert.Equal(2, await worker.SnapshotsOfAsync(Bob.Did));
        Assert.Equal([Alice.Did, Bob.Did], worker.ProfileRequests()[1].Order());
        Assert.Equal(WorkerHarness.Start.AddHours(12), await worker.NextRoundAsync("bluesky", "every 6h"));
    }

    [Fact]
    public async Task Run_SecondTriggerWhileARoundRuns_DoesNotStartAParallelRound()
    {
        await using var worker = await WorkerHarness.CreateAsync(
            """
            schedule: every 6h
            engagement_posts: 0
            accounts:
              - bluesky: alice.bsky.social
            """,
            Alice);
        // The fault waits on the server's own clock, which stands still until the test releases it.
        worker.Bluesky.InjectFault(FakeFault.Delayed(TimeSpan.FromHours(1)), FakeBluesky.GetProfilesPath);
        var probe = new RoundProbe();
        await worker.StartAsync(listener: probe);
        await Eventually.HoldsAsync(() => worker.ProfileRequests().Count == 1, "the first round is waiting for the platform");

        var scheduler = await worker.SchedulerAsync();
        var job = new Collector.Worker.Jobs.CollectionGroup("bluesky", "every 6h").JobKey;
        await scheduler.TriggerJob(job);
        await scheduler.TriggerJob(job);
        await Task.Delay(TimeSpan.FromMilliseconds(300), TimeProvider.System);
        Assert.Single(worker.ProfileRequests());
        Assert.Equal(["start"], probe.Events);

        worker.ServerClock.Advance(TimeSpan.FromHours(1));
        await Eventually.HoldsAsync(() => probe.Completed == 3, "the held round and both extra triggers ran");

        // The extra triggers waited for the round, then found nothing due: still one request, one snapshot.
        Assert.Equal(["start", "end", "start", "end", "start", "end"], probe.Events);
        Assert.Equal(1, probe.MaxConcurrent);
        Assert.Single(worker.ProfileRequests());
        Assert.Equal(1, await worker.SnapshotsOfAsync(Alice.Did));
    }

    [Fact]
    public async Task Run_AfterARestart_CollectsOverdueAccountsAtOnceAndLeavesFreshOnesForTheirSlot()
    {
        await using var worker = await WorkerHarness.CreateAsync(
            """
            schedule: every 6h
            engagement_posts: 0
            accounts:
              - bluesky: alice.bsky.social
                schedule: every 1h
              - bluesky: bob.bsky.social
            """,
            Alice,
            Bob);
        await worker.StartAsync();
        await Eventually.HoldsAsync(async () => await worker.SnapshotsOfAsync(Alice.Did) == 1 && await worker.SnapshotsOfAsync(Bob.Did) == 1, "both were collected");
        await worker.StopAsync();

        // A quick restart repeats nothing: both groups wait for their slots.
        worker.Clock.Advance(TimeSpan.FromMinutes(10));
        await worker.StartAsync();
        Assert.Equal(WorkerHarness.Start.AddHours(1), await worker.NextRoundAsync("bluesky", "every 1h"));
        Assert.Equal(WorkerHarness.Start.AddHours(6), await worker.NextRoundAsync("bluesky", "every 6h"));
        await worker.StopAsync();
        Assert.Equal(2, worker.ProfileRequests().Count);

        // Two hours on, Alice (hourly) is overdue and goes at once; Bob (6-hourly) still waits for his slot.
        worker.Clock.Advance(TimeSpan.FromMinutes(110));
        var probe = new RoundProbe();
        await worker.StartAsync(listener: probe);
        await Eventually.HoldsAsync(() => probe.Completed >= 1, "the overdue round ran");
        Assert.Equal(2, await worker.SnapshotsOfAsync(Alice.Did));
        Assert.Equal(1, await worker.SnapshotsOfAsync(Bob.Did));
        Assert.Equal([Alice.Did], worker.ProfileRequests()[^1]);
        Assert.Equal(WorkerHarness.Start.AddHours(3), await worker.NextRoundAsync("bluesky", "every 1h"));
        Assert.Equal(WorkerHarness.Start.AddHours(6), await worker.NextRoundAsync("bluesky", "every 6h"));
    }

    [Fact]
    public async Task Run_PlatformThatCannotCollect_GetsNoJobAndOneWarning_OthersRun()
    {
        // No X client or bearer token here: its rounds would skip every account without a trace, due again at once.
        await using var worker = await WorkerHarness.CreateAsync(
            """
            schedule: every 6h
            engagement_posts: 0
            accounts:
              - bluesky: alice.bsky.social
              - x: XDevelopers
            """,
            Alice);
        var probe = new RoundProbe();
        await worker.StartAsync(listener: probe);
        await Eventually.HoldsAsync(() => probe.Completed >= 1, "the Bluesky round ran");

        var scheduler = await worker.SchedulerAsync();
        Assert.Null(await scheduler.GetJobDetail(new Collector.Worker.Jobs.CollectionGroup("x", "every 6h").JobKey));
        Assert.Equal(WorkerHarness.Start.AddHours(6), await worker.NextRoundAsync("bluesky", "every 6h"));
        Assert.Single(worker.Logs.Entries, static e => e.Message.StartsWith("Not scheduling 1 x accounts", StringComparison.Ordinal));
        await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System);
        Assert.Equal(1, probe.Completed);
    }

    [Fact]
    public async Task Run_CronGroup_IsPlannedAtTheExpressionsNextInstant()
    {
        await using var worker = await WorkerHarness.CreateAsync(
            """
            schedule: "0 30 * * * ?"
            engagement_posts: 0
            accounts:
              - bluesky: alice.bsky.social
            """,
            Alice);
        var probe = new RoundProbe();
        await worker.StartAsync(listener: probe);
        await Eventually.HoldsAsync(() => probe.Completed >= 1, "the first round ran");

        var next = await worker.NextRoundAsync("bluesky", "0 30 * * * ?");
        Assert.NotNull(next);
        Assert.InRange(next.Value, WorkerHarness.Start, WorkerHarness.Start.AddHours(1));
        Assert.Equal(30, TimeZoneInfo.ConvertTime(next.Value, TimeZoneInfo.Local).Minute);
        Assert.Equal(0, next.Value.Second);
    }
}
