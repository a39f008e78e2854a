namespace Collector.Core.Watchlist;

/// <summary>Reads <c>accounts:</c>, rejects duplicates and resolves each account's effective settings.</summary>
internal sealed class AccountListReader(AccountReader accounts, ProblemList problems)
{
    private readonly SharedValues _shared = new();

    /// <param name="platforms">Effective settings per platform key (global with the platform's overrides).</param>
    public IReadOnlyList<WatchedAccount> Read(SourceNode node, IReadOnlyDictionary<string, ResolvedSettings> platforms)
    {
        if (NodeShapes.Sequence(node, WatchlistKeys.Accounts, problems, "'- bluesky: alice.bsky.social' on the next line") is not { } list)
        {
            return [];
        }

        var seen = new Dictionary<(string Platform, string Key), AccountDraft>();
        var watched = new List<WatchedAccount>(list.Items.Count);
        foreach (var item in list.Items)
        {
            if (accounts.Read(item) is not { } draft)
            {
                continue;
            }

            // Resolved even for an invalid handle, so a conflicting band override is reported too.
            var settings = platforms[draft.Platform].Apply(draft.Settings, problems);
            if (draft is not { Handle: { } handle, Key: { } key })
            {
                continue;
            }

            if (seen.TryGetValue((draft.Platform, key), out var first))
            {
                problems.Add(draft.HandleNode, $"duplicate account {draft.Platform}:{DisplayText.Of(key)}; it is already listed at line {first.Start.Line}");
                continue;
            }

            seen.Add((draft.Platform, key), draft);
            watched.Add(new WatchedAccount(
                SharedValues.Platform(draft.Platform),
                handle,
                SharedValues.SameOrOwn(key, handle),
                _shared.Share(draft.Tags),
                _shared.Share(settings.Schedule.Value),
                settings.EngagementPosts.Value,
                _shared.Share(settings.Band),
                draft.Note,
                draft.Start.Line,
                draft.Start.Column));
        }

        return watched;
    }
}
