using Collector.Core.Metrics;
using Collector.Core.Platforms;
using Collector.Core.Storage;

namespace Collector.Core.Collection;

/// <summary>
/// Collects one batch: one profile request (resolve or by id), then the recent posts of each found account,
/// and turns the outcomes into observations and failures for one storage transaction. A batch grouped from several
/// client batches (an API that takes one account per request) sends them one after the other.
/// </summary>
/// <param name="gate">Every request of the round goes through it, which keeps the platform's requests in flight within
/// <c>MaxConcurrency</c> however many batches run.</param>
/// <param name="requestFailed">Told of a failed request inside a grouped batch (the accounts and the error).</param>
internal sealed class BatchCollector(
    IPlatformClient client,
    RequestGate gate,
    TimeProvider time,
    RoundStop stop,
    int maxConcurrency,
    Action<int, PlatformError> requestFailed)
{
    public async Task<BatchResult> CollectAsync(IReadOnlyList<WorkItem> batch, bool resolve, CancellationToken cancellationToken)
    {
        var keys = batch.Select(static item => item.RequestKey).Distinct(StringComparer.Ordinal).ToList();
        var perRequest = Math.Max(1, resolve ? client.Capabilities.ResolveBatchSize : client.Capabilities.ProfileBatchSize);
        var grouped = keys.Count > perRequest;
        var failedRequests = new HashSet<string>(StringComparer.Ordinal);
        var byKey = grouped
            ? await FetchGroupedAsync(keys, perRequest, resolve, failedRequests, cancellationToken)
            : IndexOutcomes(await FetchAsync(keys, resolve, cancellationToken));

        // As many posts reads at once as the gate can let through; it, not this loop, caps the platform's requests.
        var results = new AccountResult[batch.Count];
        var observations = new AccountObservation?[batch.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, batch.Count),
            new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var item = batch[i];
                if (!byKey.TryGetValue(item.RequestKey, out var outcome))
                {
                    outcome = ProfileOutcome.Failed(item.RequestKey, new PlatformError(
                        PlatformErrorKind.InvalidResponse, "the platform's answer did not mention this account"));
                }

                (results[i], observations[i]) = await ObserveAsync(item, outcome, token);
            });

        IReadOnlySet<string>? requestFailed = failedRequests.Count == 0
            ? null
            : batch.Where(i => failedRequests.Contains(i.RequestKey)).Select(static i => i.Account.Key).ToHashSet(StringComparer.Ordinal);
        return new BatchResult(results, [.. observations.OfType<AccountObservation>()], requestFailed);
    }

    private Task<IReadOnlyList<ProfileOutcome>> FetchAsync(IReadOnlyList<string> keys, bool resolve, CancellationToken cancellationToken) =>
        gate.SendAsync(
            () => resolve ? client.ResolveAsync(keys, cancellationToken) : client.GetProfilesAsync(keys, cancellationToken),
            cancellationToken);

    /// <summary>
    /// One request per client batch, in order. A failed request fails (or defers) only its own accounts, as when each
    /// was a batch of its own; a failure that stops the round leaves the requests after it unsent. The keys of both
    /// go to <paramref name="failedRequests"/>.
    /// </summary>
    private async Task<Dictionary<string, ProfileOutcome>> FetchGroupedAsync(
        List<string> keys, int perRequest, bool resolve, HashSet<string> failedRequests, CancellationToken cancellationToken)
    {
        var byKey = new Dictionary<string, ProfileOutcome>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(perRequest))
        {
            IReadOnlyList<ProfileOutcome> outcomes;
            if (stop.Error is { } stopped)
            {
                outcomes = [.. chunk.Select(key => ProfileOutcome.Failed(key, stopped))];
                failedRequests.UnionWith(chunk);
            }
            else
            {
                try
                {
                    outcomes = await FetchAsync(chunk, resolve, cancellationToken);
                }
                catch (PlatformException ex)
                {
                    // A failure that stops the round has tripped the stop already (RequestGate).
                    requestFailed(chunk.Length, ex.Error);
                    outcomes = [.. chunk.Select(key => ProfileOutcome.Failed(key, ex.Error))];
                    failedRequests.UnionWith(chunk);
                }
            }

            foreach (var outcome in outcomes)
            {
                byKey.TryAdd(outcome.Key, outcome);
            }
        }

        return byKey;
    }

    private async Task<(AccountResult, AccountObservation?)> ObserveAsync(
        WorkItem item, ProfileOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Profile is not { } profile)
        {
            // Deferred when a grouped batch's request was rate limited; a per-account error (not found...) fails.
            var error = outcome.Error ?? new PlatformError(PlatformErrorKind.InvalidResponse, "no profile and no error");
            return (new AccountResult(item.Account, RoundStop.OutcomeFor(error), error), null);
        }

        if (string.IsNullOrWhiteSpace(profile.PlatformId))
        {
            // Identity is the stable id: an empty one would merge unrelated accounts' histories into one row.
            var missing = new PlatformError(PlatformErrorKind.InvalidResponse, "the platform's answer has no stable id for this account");
            return (new AccountResult(item.Account, CollectionOutcome.Failed, missing), null);
        }

        var quality = profile.Quality;
        EngagementSummary? engagement = null;
        if (item.Account.EngagementPosts > 0)
        {
            PostsOutcome posts;
            try
            {
                if (stop.Error is { } stopped)
                {
                    return (new AccountResult(item.Account, RoundStop.OutcomeFor(stopped), stopped), null);
                }

                posts = await gate.SendAsync(
                    () => client.GetRecentPostsAsync(profile, item.Account.EngagementPosts, cancellationToken), cancellationToken);
            }
            catch (PlatformException ex)
            {
                // Without its posts the snapshot would carry a misleading ER; the entry is retried next round. A
                // failure that stops the round has tripped the stop already (RequestGate).
                return (new AccountResult(item.Account, RoundStop.OutcomeFor(ex.Error), ex.Error), null);
            }

            if (posts.Error is { } postsError)
            {
                // A protected or vanished timeline still leaves valid profile counts: keep them, flag the gap.
                quality |= postsError.Kind == PlatformErrorKind.Protected ? DataQuality.Protected : DataQuality.None;
            }

            engagement = EngagementCalculator.Summarize(posts.Posts, profile.Followers);
        }

        var observation = new AccountObservation(item.Account.Key, time.GetUtcNow(), profile, engagement, quality) { Known = item.Tracked };
        return (new AccountResult(item.Account, CollectionOutcome.Collected), observation);
    }

    private static Dictionary<string, ProfileOutcome> IndexOutcomes(IReadOnlyList<ProfileOutcome> outcomes)
    {
        var byKey = new Dictionary<string, ProfileOutcome>(StringComparer.Ordinal);
        foreach (var outcome in outcomes)
        {
            byKey.TryAdd(outcome.Key, outcome);
        }

        return byKey;
    }
}
