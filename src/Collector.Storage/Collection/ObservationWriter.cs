using Collector.Core.Metrics;
using Collector.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Collection;

/// <summary>
/// Writes successful observations with statements prepared once per connection and re-bound per row. In the steady
/// state (known account, same handle, entry without failures) an observation is its snapshot insert and a share of two
/// reads per batch (the batch's accounts and its watch entries): the
/// account, its handle span and its watch entry are written only when they change (0005_lean_writes.sql).
/// </summary>
internal sealed class ObservationWriter : IDisposable
{
    // The batch's known accounts in one read; IN (subquery) over json_each for the reason given at TrackedAccountsSql.
    private const string FindAccountsSql = """
        SELECT platform_id, id, handle, posts_ref
          FROM accounts
         WHERE platform = $platform AND platform_id IN (SELECT value FROM json_each($platform_ids));
        """;

    private const string InsertAccountSql = """
        INSERT INTO accounts (platform, platform_id, handle, posts_ref, first_seen_at)
        VALUES ($platform, $platform_id, $handle, $posts_ref, $at)
        RETURNING id;
        """;

    // A missing posts_ref keeps the known one: a profile response without it does not mean the uploads playlist is gone.
    private const string UpdateAccountSql = """
        UPDATE accounts SET handle = $handle, posts_ref = coalesce($posts_ref, posts_ref) WHERE id = $account_id;
        """;

    // The span's last sighting is the account's latest snapshot before this one (its first sighting if it has none).
    private const string CloseHandleSpanSql = """
        UPDATE account_handles
           SET last_seen_at = max(first_seen_at, coalesce(
                (SELECT max(s.collected_at) FROM snapshots AS s WHERE s.account_id = $account_id AND s.collected_at < $at),
                first_seen_at))
         WHERE id = (SELECT max(id) FROM account_handles WHERE account_id = $account_id)
           AND last_seen_at IS NULL;
        """;

    private const string OpenHandleSpanSql = """
        INSERT INTO account_handles (account_id, handle, first_seen_at) VALUES ($account_id, $handle, $at);
        """;

    private const string InsertSnapshotSql = """
        INSERT INTO snapshots (
            account_id, collected_at, followers, following, posts, posts_sampled,
            avg_likes, avg_replies, avg_reposts, avg_quotes, avg_views, engagement_rate, er_formula, quality_flags)
        VALUES (
            $account_id, $at, $followers, $following, $posts, $posts_sampled,
            $avg_likes, $avg_replies, $avg_reposts, $avg_quotes, $avg_views, $engagement_rate, $er_formula, $quality_flags);
        """;

    // The batch's watch entries that a success would change: missing, pointing elsewhere, or with failure state.
    private const string FindEntriesSql = """
        SELECT watch_key, account_id,
               consecutive_failures <> 0 OR last_error_kind IS NOT NULL OR next_attempt_at IS NOT NULL
          FROM watch_entries
         WHERE platform = $platform AND watch_key IN (SELECT value FROM json_each($watch_keys));
        """;

    // The watch key (re)points at the account it resolved to now: keys can move, and several keys can share one.
    // Written only for an entry that changes (FindEntriesSql); an unchanged entry's times follow from the account's
    // latest snapshot (SqliteStatusReader).
    private const string MarkSuccessSql = """
        INSERT INTO watch_entries (platform, watch_key, account_id, first_seen_at, last_attempt_at, last_success_at)
        VALUES ($platform, $watch_key, $account_id, $at, $at, $at)
        ON CONFLICT (platform, watch_key) DO UPDATE SET
            account_id = excluded.account_id,
            last_attempt_at = max(coalesce(watch_entries.last_attempt_at, excluded.last_attempt_at), excluded.last_attempt_at),
            last_success_at = max(coalesce(watch_entries.last_success_at, excluded.last_success_at), excluded.last_success_at),
            consecutive_failures = 0,
            last_error_kind = NULL,
            last_error = NULL,
            next_attempt_at = NULL;
        """;

    private readonly PreparedStatement _findAccounts;
    private readonly PreparedStatement _findEntries;
    private readonly PreparedStatement _insertAccount;
    private readonly PreparedStatement _updateAccount;
    private readonly PreparedStatement _closeHandleSpan;
    private readonly PreparedStatement _openHandleSpan;
    private readonly PreparedStatement _insertSnapshot;
    private readonly PreparedStatement _markSuccess;

    public ObservationWriter(SqliteConnection connection)
    {
        _findAccounts = new PreparedStatement(connection, FindAccountsSql);
        _findEntries = new PreparedStatement(connection, FindEntriesSql);
        _insertAccount = new PreparedStatement(connection, InsertAccountSql);
        _updateAccount = new PreparedStatement(connection, UpdateAccountSql);
        _closeHandleSpan = new PreparedStatement(connection, CloseHandleSpanSql);
        _openHandleSpan = new PreparedStatement(connection, OpenHandleSpanSql);
        _insertSnapshot = new PreparedStatement(connection, InsertSnapshotSql);
        _markSuccess = new PreparedStatement(connection, MarkSuccessSql);
    }

    public void Enlist(SqliteTransaction transaction)
    {
        foreach (var statement in All)
        {
            statement.Command.Transaction = transaction;
        }
    }

    /// <summary>Writes the batch's observations: per row only its snapshot, unless its account is new or changed.</summary>
    public void Write(string platform, IReadOnlyList<AccountObservation> observations, CancellationToken cancellationToken)
    {
        if (observations.Count == 0)
        {
            return;
        }

        var accounts = FindAccounts(platform, observations);
        var entries = FindEntries(platform, observations);
        foreach (var observation in observations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var at = SqliteInstant.ToStored(observation.CollectedAt);
            var accountId = SaveAccount(platform, observation.Profile, at, accounts);

            BindSnapshot(accountId, at, observation);
            _insertSnapshot.Command.ExecuteNonQuery();

            if (!entries.TryGetValue(observation.WatchKey, out var entry) || entry.AccountId != accountId || entry.HasFailureState)
            {
                _markSuccess.Set("$platform", platform).Set("$watch_key", observation.WatchKey).Set("$account_id", accountId).Set("$at", at);
                _markSuccess.Command.ExecuteNonQuery();
                entries[observation.WatchKey] = new KnownEntry(accountId, HasFailureState: false);
            }
        }
    }

    private Dictionary<string, KnownEntry> FindEntries(string platform, IReadOnlyList<AccountObservation> observations)
    {
        using var keys = new JsonArrayText();
        foreach (var observation in observations)
        {
            keys.Add(observation.WatchKey);
        }

        _findEntries.Set("$platform", platform).Set("$watch_keys", keys.Finish());
        var entries = new Dictionary<string, KnownEntry>(observations.Count, StringComparer.Ordinal);
        using var reader = _findEntries.Command.ExecuteReader();
        while (reader.Read())
        {
            entries[reader.GetString(0)] = new KnownEntry(reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetInt64(2) != 0);
        }

        return entries;
    }

    private Dictionary<string, KnownAccount> FindAccounts(string platform, IReadOnlyList<AccountObservation> observations)
    {
        using var ids = new JsonArrayText();
        foreach (var observation in observations)
        {
            ids.Add(observation.Profile.PlatformId);
        }

        _findAccounts.Set("$platform", platform).Set("$platform_ids", ids.Finish());
        var accounts = new Dictionary<string, KnownAccount>(observations.Count, StringComparer.Ordinal);
        using var reader = _findAccounts.Command.ExecuteReader();
        while (reader.Read())
        {
            accounts[reader.GetString(0)] = new KnownAccount(reader.GetInt64(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3));
        }

        return accounts;
    }

    /// <summary>The account's id; the row and its handle history are written only for a new account or a change.</summary>
    private long SaveAccount(string platform, ProfileMetrics profile, long at, Dictionary<string, KnownAccount> accounts)
    {
        if (!accounts.TryGetValue(profile.PlatformId, out var known))
        {
            _insertAccount.Set("$platform", platform).Set("$platform_id", profile.PlatformId).Set("$handle", profile.Handle)
                .Set("$posts_ref", profile.PostsRef).Set("$at", at);
            var accountId = (long)_insertAccount.Command.ExecuteScalar()!;
            OpenHandleSpan(accountId, profile.Handle, at);
            accounts[profile.PlatformId] = new KnownAccount(accountId, profile.Handle, profile.PostsRef);
            return accountId;
        }

        var renamed = !string.Equals(known.Handle, profile.Handle, StringComparison.Ordinal);
        if (renamed || (profile.PostsRef is not null && !string.Equals(known.PostsRef, profile.PostsRef, StringComparison.Ordinal)))
        {
            _updateAccount.Set("$handle", profile.Handle).Set("$posts_ref", profile.PostsRef).Set("$account_id", known.Id);
            _updateAccount.Command.ExecuteNonQuery();
            accounts[profile.PlatformId] = new KnownAccount(known.Id, profile.Handle, profile.PostsRef ?? known.PostsRef);
        }

        if (renamed)
        {
            _closeHandleSpan.Set("$account_id", known.Id).Set("$at", at);
            _closeHandleSpan.Command.ExecuteNonQuery();
            OpenHandleSpan(known.Id, profile.Handle, at);
        }

        return known.Id;
    }

    private void OpenHandleSpan(long accountId, string handle, long at)
    {
        _openHandleSpan.Set("$account_id", accountId).Set("$handle", handle).Set("$at", at);
        _openHandleSpan.Command.ExecuteNonQuery();
    }

    private void BindSnapshot(long accountId, long at, AccountObservation observation)
    {
        var profile = observation.Profile;
        var engagement = observation.Engagement;

        // The profile's caveats (hidden, rounded followers) hold for the observation whether or not the caller merged them.
        var quality = observation.Quality | profile.Quality;

        _insertSnapshot.Set("$account_id", accountId)
            .Set("$at", at)
            .Set("$followers", profile.Followers)
            .Set("$following", profile.Following)
            .Set("$posts", profile.Posts)
            .Set("$posts_sampled", engagement?.PostsSampled ?? 0)
            .Set("$avg_likes", engagement?.AvgLikes)
            .Set("$avg_replies", engagement?.AvgReplies)
            .Set("$avg_reposts", engagement?.AvgReposts)
            .Set("$avg_quotes", engagement?.AvgQuotes)
            .Set("$avg_views", engagement?.AvgViews)
            .Set("$engagement_rate", engagement?.EngagementRate)
            .Set("$er_formula", engagement is null ? null : EngagementSummary.Formula)
            .Set("$quality_flags", (long)quality);
    }

    private sealed record KnownAccount(long Id, string Handle, string? PostsRef);

    private sealed record KnownEntry(long? AccountId, bool HasFailureState);

    private PreparedStatement[] All =>
        [_findAccounts, _findEntries, _insertAccount, _updateAccount, _closeHandleSpan, _openHandleSpan, _insertSnapshot, _markSuccess];

    public void Dispose()
    {
        foreach (var statement in All)
        {
            statement.Dispose();
        }
    }
}
