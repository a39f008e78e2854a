namespace Collector.Core.Collection;

/// <summary>Everything one round over one platform did, one result per watchlist entry.</summary>
public sealed record CollectionReport(string Platform, IReadOnlyList<AccountResult> Results)
{
    public int Collected => Count(CollectionOutcome.Collected);

    public int Failed => Count(CollectionOutcome.Failed);

    public int Deferred => Count(CollectionOutcome.Deferred);

    public int Skipped => Count(CollectionOutcome.Skipped);

    private int Count(CollectionOutcome outcome) => Results.Count(r => r.Outcome == outcome);
}
