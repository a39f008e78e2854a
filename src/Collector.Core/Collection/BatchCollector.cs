using Collector.Core.Metrics;
using Collector.Core.Platforms;
using Collector.Core.Storage;

namespace Collector.Core.Collection;

/// <summary>
/// Collects one batch: one profile request (resolve or by id), then the recent posts of each found account,
/// and turns the outcomes into observations and failures for one storage transaction.
/// </summary>
internal sealed class BatchCollector(IPlatformClient client, TimeProvider time, RoundStop stop, int maxConcurrency)
{
    public async Task<BatchResult> CollectAsync(IReadOnlyList<WorkItem> batch, bool resolve, CancellationToken cancellationToken)
    {
        var keys = batch.Select(static item => item.RequestKey).Distinct(StringComparer.Ordinal).ToList();
        var outcomes = resolve
            ? await client.ResolveAsync(keys, cancellationToken)
            : await client.GetProfilesAsync(keys, cancellationToken);
        var byKey = IndexOutcomes(outcomes);

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

        return new BatchResult(results, [.. observations.OfType<AccountObservation>()]);
    }

    private async Task<(AccountResult, AccountObservation?)> ObserveAsync(
        WorkItem item, ProfileOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Profile is not { } profile)
        {
            var error = outcome.Error ?? new PlatformError(PlatformErrorKind.InvalidResponse, "no profile and no error");
            return (new AccountResult(item.Account, CollectionOutcome.Failed, error), null);
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
                    return (new AccountResult(item.Account, RoundStop.OutcomeFor(stopped), stopped, profile), null);
                }

                posts = await client.GetRecentPostsAsync(profile, item.Account.EngagementPosts, cancellationToken);
            }
            catch (PlatformException ex)
            {
                // Without its posts the snapshot would carry a misleading ER; the entry is retried next round.
                if (RoundStop.StopsRound(ex.Error))
                {
                    stop.Trip(ex.Error);
                }

                return (new AccountResult(item.Account, RoundStop.OutcomeFor(ex.Error), ex.Error, profile), null);
            }

            if (posts.Error is { } postsError)
            {
                // A protected or vanished timeline still leaves valid profile counts: keep them, flag the gap.
                quality |= postsError.Kind == PlatformErrorKind.Protected ? DataQuality.Protected : DataQuality.None;
            }

            engagement = EngagementCalculator.Summarize(posts.Posts, profile.Followers);
        }

        var observation = new AccountObservation(item.Account.Key, time.GetUtcNow(), profile, engagement, quality);
        return (new AccountResult(item.Account, CollectionOutcome.Collected, null, profile, engagement), observation);
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
