using Collector.Core.Metrics;
using Collector.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Collection;

/// <summary>
/// The observation path for anything but the steady state: a new account or watch entry, a rename, a new posts
/// pointer, a key that moved to another account, or failure state to clear. Writes what changed and the snapshot.
/// </summary>
internal sealed class AccountChangeWriter : IDisposable
{
    private const string FindAccountSql = """
        SELECT id, handle, posts_ref FROM accounts WHERE platform = $platform AND platform_id = $platform_id;
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

    // The watch key (re)points at the account it resolved to now: keys can move, and several keys can share one.
    // The WHERE leaves an unchanged entry (same account, nothing to clear) unwritten; its times then follow from the
    // account's latest snapshot (SqliteStatusReader), hence max() here for a late-arriving older observation.
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
            next_attempt_at = NULL
        WHERE watch_entries.account_id IS NOT excluded.account_id
           OR watch_entries.consecutive_failures <> 0
           OR watch_entries.last_error_kind IS NOT NULL
           OR watch_entries.next_attempt_at IS NOT NULL;
        """;

    private readonly PreparedStatement _findAccount;
    private readonly PreparedStatement _insertAccount;
    private readonly PreparedStatement _updateAccount;
    private readonly PreparedStatement _closeHandleSpan;
    private readonly PreparedStatement _openHandleSpan;
    private readonly SnapshotInserts _snapshots;
    private readonly PreparedStatement _markSuccess;

    /// <param name="snapshots">The connection's snapshot inserts, shared with the steady-state path (enlisted there).</param>
    public AccountChangeWriter(SqliteConnection connection, SnapshotInserts snapshots)
    {
        _snapshots = snapshots;
        _findAccount = new PreparedStatement(connection, FindAccountSql);
        _insertAccount = new PreparedStatement(connection, InsertAccountSql);
        _updateAccount = new PreparedStatement(connection, UpdateAccountSql);
        _closeHandleSpan = new PreparedStatement(connection, CloseHandleSpanSql);
        _openHandleSpan = new PreparedStatement(connection, OpenHandleSpanSql);
        _markSuccess = new PreparedStatement(connection, MarkSuccessSql);
    }

    private PreparedStatement[] All =>
        [_findAccount, _insertAccount, _updateAccount, _closeHandleSpan, _openHandleSpan, _markSuccess];

    public void Enlist(SqliteTransaction transaction)
    {
        foreach (var statement in All)
        {
            statement.Command.Transaction = transaction;
        }
    }

    public void Write(string platform, AccountObservation observation)
    {
        var at = SqliteInstant.ToStored(observation.CollectedAt);
        var accountId = SaveAccount(platform, observation.Profile, at);

        _snapshots.Write(accountId, at, observation);

        _markSuccess.Set("$platform", platform).Set("$watch_key", observation.WatchKey).Set("$account_id", accountId).Set("$at", at);
        _markSuccess.Command.ExecuteNonQuery();
    }

    /// <summary>The account's id; the row and its handle history are written only for a new account or a change.</summary>
    private long SaveAccount(string platform, ProfileMetrics profile, long at)
    {
        _findAccount.Set("$platform", platform).Set("$platform_id", profile.PlatformId);
        long accountId;
        string knownHandle;
        string? knownPostsRef;
        using (var reader = _findAccount.Command.ExecuteReader())
        {
            if (!reader.Read())
            {
                reader.Close();
                _insertAccount.Set("$platform", platform).Set("$platform_id", profile.PlatformId).Set("$handle", profile.Handle)
                    .Set("$posts_ref", profile.PostsRef).Set("$at", at);
                accountId = (long)_insertAccount.Command.ExecuteScalar()!;
                OpenHandleSpan(accountId, profile.Handle, at);
                return accountId;
            }

            accountId = reader.GetInt64(0);
            knownHandle = reader.GetString(1);
            knownPostsRef = reader.IsDBNull(2) ? null : reader.GetString(2);
        }

        var renamed = !string.Equals(knownHandle, profile.Handle, StringComparison.Ordinal);
        if (renamed || (profile.PostsRef is not null && !string.Equals(knownPostsRef, profile.PostsRef, StringComparison.Ordinal)))
        {
            _updateAccount.Set("$handle", profile.Handle).Set("$posts_ref", profile.PostsRef).Set("$account_id", accountId);
            _updateAccount.Command.ExecuteNonQuery();
        }

        if (renamed)
        {
            _closeHandleSpan.Set("$account_id", accountId).Set("$at", at);
            _closeHandleSpan.Command.ExecuteNonQuery();
            OpenHandleSpan(accountId, profile.Handle, at);
        }

        return accountId;
    }

    private void OpenHandleSpan(long accountId, string handle, long at)
    {
        _openHandleSpan.Set("$account_id", accountId).Set("$handle", handle).Set("$at", at);
        _openHandleSpan.Command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var statement in All)
        {
            statement.Dispose();
        }
    }
}
