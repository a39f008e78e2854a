using Collector.TestKit.Fakes;
using Collector.Worker.Jobs;
using Collector.Worker.Tests.Run;
using Quartz;

namespace Collector.Worker.Tests.Jobs;

public sealed class MaintenanceJobsTests
{
    [Fact]
    public async Task Run_SchedulesNotificationDeliveryEveryMinuteAndHousekeepingDaily()
    {
        await using var worker = await WorkerHarness.CreateAsync(
            "accounts:\n  - bluesky: alice.bsky.social\n",
            new FakeBlueskyAccount("did:plc:aliceaaaaaaaaaaaaaaaaaaa", "alice.bsky.social"));
        await worker.StartAsync();

        var scheduler = await worker.SchedulerAsync();
        var notifications = Assert.Single(await scheduler.GetTriggersOfJob(NotificationJob.Key));
        var housekeeping = Assert.Single(await scheduler.GetTriggersOfJob(HousekeepingJob.Key));

        var simple = Assert.IsAssignableFrom<ISimpleTrigger>(notifications);
        Assert.Equal(TimeSpan.FromMinutes(1), simple.RepeatInterval);
        var cron = Assert.IsAssignableFrom<ICronTrigger>(housekeeping);
        Assert.Equal(MaintenanceJobs.HousekeepingCron, cron.CronExpressionString);
        Assert.True((await scheduler.GetJobDetail(HousekeepingJob.Key))!.ConcurrentExecutionDisallowed);
    }
}
