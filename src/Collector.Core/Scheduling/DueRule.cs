using Collector.Core.Storage;
using Collector.Core.Watchlist;

namespace Collector.Core.Scheduling;

/// <summary>
/// When each watched account is due, decided from what the database remembers rather than from the scheduler's
/// memory, so a restart neither postpones nor repeats work:
/// <list type="bullet">
/// <item>never attempted: due now;</item>
/// <item>the platform named a retry time (rate limit, quota): due then, even before the next slot;</item>
/// <item>otherwise: due at the schedule's first slot after the last attempt. The last attempt, not the last success,
/// is the anchor: a failure is work done too, and anchoring on an old success would retry a dead account on every
/// restart of a crash-looping service.</item>
/// </list>
/// </summary>
public sealed class DueRule(ScheduleSlots slots)
{
    public DateTimeOffset? DueAt(WatchedAccount account, CollectionStateRecord? state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (state?.LastAttemptAt is not { } lastAttempt)
        {
            return now;
        }

        if (state.NextAttemptAt is { } retryAt)
        {
            return retryAt;
        }

        // An attempt "in the future" means the clock went back (or the database came from another machine): count
        // from now, or the account would wait out the skew on top of its interval.
        return slots.After(account.Schedule, lastAttempt < now ? lastAttempt : now);
    }

    /// <summary>The accounts to collect in a round at <paramref name="now"/>: due, or due within their coalesce window.</summary>
    public IReadOnlyList<WatchedAccount> SelectDue(IEnumerable<WatchedAccount> accounts, AttemptHistory history, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(history);
        return
        [
            .. accounts.Where(a => DueAt(a, history.For(a), now) is { } due && due <= now + ScheduleSlots.CoalesceWindow(a.Schedule)),
        ];
    }

    /// <summary>When the next round for <paramref name="accounts"/> should start: never before now; null when none is ever due.</summary>
    public DateTimeOffset? NextRound(IEnumerable<WatchedAccount> accounts, AttemptHistory history, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(history);
        DateTimeOffset? next = null;
        foreach (var account in accounts)
        {
            if (DueAt(account, history.For(account), now) is { } due && (next is null || due < next))
            {
                next = due;
            }
        }

        return next is { } earliest && earliest < now ? now : next;
    }
}
