using Quartz;

namespace Collector.Worker.Jobs;

/// <summary>
/// The Quartz adapter: which group fired, then one call into <see cref="ScheduledCollection"/> with the token, which
/// the scheduler cancels on shutdown (ShutdownJobInterruption.WhenWaitingForJobs) so the round stops mid-request.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class CollectionJob(ScheduledCollection collection) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        await collection.RunAsync(CollectionGroup.Of(context.JobDetail), context.Trigger.Key, cancellationToken);
    }
}
