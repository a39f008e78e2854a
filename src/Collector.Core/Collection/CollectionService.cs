using Collector.Core.Analytics;
using Collector.Core.Platforms;
using Collector.Core.Storage;
using Collector.Core.Watchlist;
using Microsoft.Extensions.Logging;

namespace Collector.Core.Collection;

/// <summary>
/// The collection use case: a platform's accounts, batched to the client's batch sizes (grouped where the API takes one
/// account per request), collected with at most <c>MaxConcurrency</c> requests in flight for the platform (see
/// <see cref="RequestGate"/>), one storage transaction per batch. One account's failure is recorded and never aborts
/// the others; a platform-level failure (rate limit, quota, credential) stops new requests and is recorded for what
/// remains.
/// A <see cref="StorageException"/> (disk full, read-only database) is not an account's failure and cannot even be
/// recorded: it stops the round (batches in flight are cancelled, none are started) and reaches the caller, which
/// reports it; the batches committed before it stay.
/// </summary>
public sealed partial class CollectionService(
    IEnumerable<IPlatformClient> clients,
    ICollectionStore store,
    TimeProvider time,
    CollectionOptions options,
    ILogger<CollectionService> logger,
    IBatchAnalyzer? analyzer = null,
    PlatformHealthTracker? health = null) : IDisposable
{
    // SQLite has one writer: serializing our own batch commits avoids busy waits between our own tasks.
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    /// <summary>Accounts per batch (so per transaction) at most where the API takes one account per request.</summary>
    internal const int GroupedBatchSize = 25;
    private readonly Dictionary<string, IPlatformClient> _clients =
        clients.ToDictionary(static c => c.Platform, StringComparer.Ordinal);

    // Per platform, not per round: rounds of a platform's schedule groups can overlap, and the option caps the
    // platform's requests in flight.
    private readonly Dictionary<string, SemaphoreSlim> _slots = clients.ToDictionary(
        static c => c.Platform, _ => new SemaphoreSlim(options.MaxConcurrency, options.MaxConcurrency), StringComparer.Ordinal);

    public async Task<CollectionReport> CollectAsync(
        string platform,
        IReadOnlyList<WatchedAccount> accounts,
        IProgress<CollectionProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        if (accounts.Count == 0)
        {
            return new CollectionReport(platform, []);
        }

        if (!_clients.TryGetValue(platform, out var client) || !client.IsConfigured)
        {
            var reason = client is null ? "no client for this platform" : "platform is not configured (missing credential)";
            LogPlatformSkipped(platform, accounts.Count, reason);
            var skipped = new PlatformError(PlatformErrorKind.NotConfigured, reason);
            return new CollectionReport(platform, [.. accounts.Select(a => new AccountResult(a, CollectionOutcome.Skipped, skipped))]);
        }

        var keys = accounts.Select(static a => a.Key).ToList();
        var tracked = await store.GetTrackedAccountsAsync(platform, keys, cancellationToken);
        var failureCounts = await store.GetConsecutiveFailuresAsync(platform, keys, cancellationToken);
        var items = accounts.Select(a => new WorkItem(a, tracked.GetValueOrDefault(a.Key))).ToList();
        var batches = Plan(items, client.Capabilities, options.MaxConcurrency);

        var stop = new RoundStop();
        var gate = new RequestGate(_slots[platform], stop);
        var collector = new BatchCollector(
            client, gate, time, stop, options.MaxConcurrency, (count, error) => LogBatchFailed(platform, count, error.Kind, error.Message));
        var results = new List<AccountResult>(accounts.Count);
        var done = 0;
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = cancellationToken },
            async (batch, token) =>
            {
                var batchResults = await RunBatchAsync(platform, collector, stop, batch, failureCounts, token);
                lock (results)
                {
                    results.AddRange(batchResults);
                    done += batchResults.Count;
                    progress?.Report(new CollectionProgress(platform, done, accounts.Count));
                }
            });

        var report = new CollectionReport(platform, results);
        LogRoundFinished(platform, report.Collected, report.Failed, report.Deferred);
        if (health is not null)
        {
            await health.RecordRoundAsync(report, stop.Error, cancellationToken);
        }

        return report;
    }

    /// <summary>Unresolved entries go through resolve batches; resolved ones through profile-by-id batches.</summary>
    private static List<(IReadOnlyList<WorkItem> Items, bool Resolve)> Plan(List<WorkItem> items, PlatformCapabilities caps, int concurrency)
    {
        var unresolved = items.Where(static i => i.Tracked is null).ToList();
        var known = items.Where(static i => i.Tracked is not null).ToList();
        var resolve = unresolved.Chunk(BatchSize(caps.ResolveBatchSize, unresolved.Count, concurrency));
        var refresh = known.Chunk(BatchSize(caps.ProfileBatchSize, known.Count, concurrency));
        return
        [
            .. refresh.Select(static b => ((IReadOnlyList<WorkItem>)b, false)),
            .. resolve.Select(static b => ((IReadOnlyList<WorkItem>)b, true)),
        ];
    }

    /// <summary>
    /// The client's batch size, except where the API takes one account per request (Mastodon, YouTube handles): one
    /// transaction and one band analysis per account cost more CPU than the request itself (docs/benchmarks.md), so
    /// such accounts are grouped up to <see cref="GroupedBatchSize"/>, keeping at least <paramref name="concurrency"/>
    /// batches so that as many requests as before are in flight.
    /// </summary>
    internal static int BatchSize(int clientBatch, int count, int concurrency)
    {
        if (clientBatch > 1)
        {
            return clientBatch;
        }

        var spread = (count + Math.Max(1, concurrency) - 1) / Math.Max(1, concurrency);
        return Math.Clamp(spread, 1, GroupedBatchSize);
    }

    private async Task<IReadOnlyList<AccountResult>> RunBatchAsync(
        string platform,
        BatchCollector collector,
        RoundStop stop,
        (IReadOnlyList<WorkItem> Items, bool Resolve) batch,
        IReadOnlyDictionary<string, int> failureCounts,
        CancellationToken token)
    {
        BatchResult result;
        var wholeBatchFailed = true;
        if (stop.Error is { } stopped)
        {
            result = Unattempted(batch.Items, stopped);
        }
        else
        {
            try
            {
                result = await collector.CollectAsync(batch.Items, batch.Resolve, token);
                wholeBatchFailed = false;
            }
            catch (PlatformException ex)
            {
                // A failure that stops the round has tripped the stop already: every request goes through RequestGate.
                LogBatchFailed(platform, batch.Items.Count, ex.Kind, ex.Message);
                result = Unattempted(batch.Items, ex.Error);
            }
        }

        await SaveAsync(platform, result, wholeBatchFailed, failureCounts, token);
        return result.Results;
    }

    private static BatchResult Unattempted(IReadOnlyList<WorkItem> items, PlatformError error) =>
        new([.. items.Select(i => new AccountResult(i.Account, RoundStop.OutcomeFor(error), error))], []);

    private async Task SaveAsync(
        string platform, BatchResult result, bool wholeBatchFailed, IReadOnlyDictionary<string, int> failureCounts, CancellationToken token)
    {
        var now = time.GetUtcNow();
        var failures = result.Results
            .Where(static r => r.Outcome is CollectionOutcome.Failed or CollectionOutcome.Deferred && r.Error is not null)
            .Select(r => Failure(
                r.Account.Key, r.Error!, wholeBatchFailed || result.RequestFailed?.Contains(r.Account.Key) == true, failureCounts, now))
            .ToList();

        await _writeLock.WaitAsync(token);
        try
        {
            await store.SaveBatchAsync(platform, result.Observations, failures, token);

            // After the commit, so a failed analysis never loses snapshots; under the lock, so it sees its own batch.
            if (analyzer is not null && result.Observations.Count > 0)
            {
                await analyzer.AnalyzeAsync(platform, Committed(result), token);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// A failure of the platform (a whole request failed, a rate limit, quota or refused credential, a deferred
    /// round) keeps the entry's count and waits only for an announced reset: the platform's own state carries its
    /// pause. A failure of the entry itself moves it one step along <see cref="BackoffSchedule"/>.
    /// </summary>
    private static AccountFailure Failure(
        string watchKey, PlatformError error, bool wholeBatchFailed, IReadOnlyDictionary<string, int> failureCounts, DateTimeOffset now)
    {
        if (wholeBatchFailed || RoundStop.IsPlatformLevel(error.Kind))
        {
            return new AccountFailure(watchKey, now, error, error.RetryAt, PlatformLevel: true);
        }

        var count = failureCounts.GetValueOrDefault(watchKey) + 1;
        return new AccountFailure(watchKey, now, error, BackoffSchedule.NextAttempt(error, count, now));
    }

    private static List<CommittedObservation> Committed(BatchResult result)
    {
        var bands = result.Results
            .GroupBy(static r => r.Account.Key, StringComparer.Ordinal)
            .ToDictionary(static g => g.Key, static g => g.First().Account.Band, StringComparer.Ordinal);
        return [.. result.Observations.Select(o => new CommittedObservation(o, bands[o.WatchKey]))];
    }

    public void Dispose()
    {
        _writeLock.Dispose();
        foreach (var slots in _slots.Values)
        {
            slots.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipping {Count} {Platform} accounts: {Reason}")]
    private partial void LogPlatformSkipped(string platform, int count, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Platform} batch of {Count} accounts failed: {Kind}: {Error}")]
    private partial void LogBatchFailed(string platform, int count, PlatformErrorKind kind, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Platform} round finished: {Collected} collected, {Failed} failed, {Deferred} deferred")]
    private partial void LogRoundFinished(string platform, int collected, int failed, int deferred);
}
