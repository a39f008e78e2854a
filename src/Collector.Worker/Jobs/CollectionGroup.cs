using Collector.Core.Watchlist;
using Quartz;

namespace Collector.Worker.Jobs;

/// <summary>
/// The accounts of one platform that share one effective schedule: the unit the scheduler runs as one Quartz job.
/// The schedule's text is the group's identity, so the same schedule written on an account and on its platform
/// lands in one job.
/// </summary>
internal sealed record CollectionGroup(string Platform, string ScheduleText)
{
    public const string JobGroup = "collect";
    private const string PlatformData = "platform";
    private const string ScheduleData = "schedule";

    public JobKey JobKey => new($"{Platform} {ScheduleText}", JobGroup);

    public bool Contains(WatchedAccount account) =>
        string.Equals(account.Platform, Platform, StringComparison.Ordinal)
        && string.Equals(account.Schedule.Text, ScheduleText, StringComparison.Ordinal);

    public IReadOnlyList<WatchedAccount> AccountsIn(WatchlistDocument watchlist) => [.. watchlist.Accounts.Where(Contains)];

    public static IReadOnlyList<CollectionGroup> All(WatchlistDocument watchlist) =>
        [.. watchlist.Accounts.Select(static a => new CollectionGroup(a.Platform, a.Schedule.Text)).Distinct()];

    /// <summary>A durable job: it outlives its one-off triggers, each of which is replaced after a round.</summary>
    public IJobDetail CreateJob() => JobBuilder.Create<CollectionJob>()
        .WithIdentity(JobKey)
        .WithDescription($"collect {Platform} accounts scheduled '{ScheduleText}'")
        .StoreDurably()
        .UsingJobData(PlatformData, Platform)
        .UsingJobData(ScheduleData, ScheduleText)
        .Build();

    public static CollectionGroup Of(IJobDetail job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new CollectionGroup(job.JobDataMap.GetString(PlatformData)!, job.JobDataMap.GetString(ScheduleData)!);
    }
}
