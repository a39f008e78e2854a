namespace Collector.Core.Watchlist;

/// <summary>How often an account is collected: a fixed interval (<c>every 6h</c>) or a Quartz cron expression.</summary>
public abstract record Schedule
{
    /// <summary>The text as the operator wrote it; also the identity used to group accounts into jobs.</summary>
    public abstract string Text { get; }

    public sealed record Every(TimeSpan Interval) : Schedule
    {
        public override string Text => Interval switch
        {
            { TotalDays: >= 1 } when Interval.TotalDays % 1 == 0 => $"every {Interval.TotalDays:0}d",
            { TotalHours: >= 1 } when Interval.TotalHours % 1 == 0 => $"every {Interval.TotalHours:0}h",
            _ => $"every {Interval.TotalMinutes:0}m",
        };
    }

    public sealed record Cron(string Expression) : Schedule
    {
        public override string Text => Expression;
    }
}
