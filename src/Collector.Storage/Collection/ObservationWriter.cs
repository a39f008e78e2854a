using Collector.Core.Metrics;
using Collector.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Collection;

/// <summary>
/// Writes successful observations inside one transaction with statements prepared once and re-bound per row:
/// re-parsing SQL per row costs more than the writes themselves on a large batch.
/// </summary>
internal sealed class ObservationWriter : IAsyncDisposable
{
    // The stable id decides identity; the handle and posts pointer are whatever the platform reports now.
    // A missing posts_ref keeps the known one: a profile response without it does not mean the uploads playlist is gone.
    private const string UpsertAccountSql = """
        INSERT INTO accounts (platform, platform_id, handle, posts_ref, first_seen_at)
        VALUES ($platform, $platform_id, $handle, $posts_ref, $at)
        ON CONFLICT (platform, platform_id) DO UPDATE SET
            handle = excluded.handle,
            posts_ref = coalesce(excluded.posts_ref, accounts.posts_ref)
        RETURNING id;
        """;

    // Extends the current span when the handle is unchanged; no row updated means a new account or a rename.
    private const string ExtendHandleSpanSql = """
        UPDATE account_handles
           SET last_seen_at = max(last_seen_at, $at)
         WHERE id = (SELECT max(id) FROM account_handles WHERE account_id = $account_id)
           AND handle = $handle;
        """;

    private const string OpenHandleSpanSql = """
        INSERT INTO account_handles (account_id, handle, first_seen_at, last_seen_at)
        VALUES ($account_id, $handle, $at, $at);
        """;

    // accounts.latest_snapshot_id follows through the snapshots_track_latest trigger.
    private const string InsertSnapshotSql = """
        INSERT INTO snapshots (
            account_id, collected_at, followers, following, posts, posts_sampled,
            avg_likes, avg_replies, avg_reposts, avg_quotes, avg_views, engagement_rate, er_formula, quality_flags)
        VALUES (
            $account_id, $at, $followers, $following, $posts, $posts_sampled,
            $avg_likes, $avg_replies, $avg_reposts, $avg_quotes, $avg_views, $engagement_rate, $er_formula, $quality_flags);
        """;

    // The watch key (re)points at the account it resolved to now: keys can move, and several keys can share one.
    private const string MarkSuccessSql = """
        INSERT INTO watch_entries (platform, watch_key, account_id, first_seen_at, last_attempt_at, last_success_at)
        VALUES ($platform, $watch_key, $account_id, $at, $at, $at)
        ON CONFLICT (platform, watch_key) DO UPDATE SET
            account_id = excluded.account_id,
            last_attempt_at = excluded.last_attempt_at,
            last_success_at = excluded.last_success_at,
            consecutive_failures = 0,
            last_error_kind = NULL,
            last_error = NULL,
            next_attempt_at = NULL;
        """;

    private readonly SqliteCommand _upsertAccount;
    private readonly SqliteCommand _extendHandleSpan;
    private readonly SqliteCommand _openHandleSpan;
    private readonly SqliteCommand _insertSnapshot;
    private readonly SqliteCommand _markSuccess;

    public ObservationWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        _upsertAccount = PreparedCommand.Create(connection, transaction, UpsertAccountSql);
        _extendHandleSpan = PreparedCommand.Create(connection, transaction, ExtendHandleSpanSql);
        _openHandleSpan = PreparedCommand.Create(connection, transaction, OpenHandleSpanSql);
        _insertSnapshot = PreparedCommand.Create(connection, transaction, InsertSnapshotSql);
        _markSuccess = PreparedCommand.Create(connection, transaction, MarkSuccessSql);
    }

    public async Task WriteAsync(string platform, AccountObservation observation, CancellationToken cancellationToken)
    {
        var at = SqliteInstant.ToStored(observation.CollectedAt);
        var profile = observation.Profile;

        _upsertAccount.Bind("$platform", platform)
            .Bind("$platform_id", profile.PlatformId)
            .Bind("$handle", profile.Handle)
            .Bind("$posts_ref", profile.PostsRef)
            .Bind("$at", at);
        var accountId = (long)(await _upsertAccount.ExecuteScalarAsync(cancellationToken))!;

        _extendHandleSpan.Bind("$account_id", accountId).Bind("$handle", profile.Handle).Bind("$at", at);
        if (await _extendHandleSpan.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            _openHandleSpan.Bind("$account_id", accountId).Bind("$handle", profile.Handle).Bind("$at", at);
            await _openHandleSpan.ExecuteNonQueryAsync(cancellationToken);
        }

        BindSnapshot(accountId, at, observation);
        await _insertSnapshot.ExecuteNonQueryAsync(cancellationToken);

        _markSuccess.Bind("$platform", platform)
            .Bind("$watch_key", observation.WatchKey)
            .Bind("$account_id", accountId)
            .Bind("$at", at);
        await _markSuccess.ExecuteNonQueryAsync(cancellationToken);
    }

    private void BindSnapshot(long accountId, long at, AccountObservation observation)
    {
        var profile = observation.Profile;
        var engagement = observation.Engagement;

        // The profile's caveats (hidden, rounded followers) hold for the observation whether or not the caller merged them.
        var quality = observation.Quality | profile.Quality;

        _insertSnapshot.Bind("$account_id", accountId)
            .Bind("$at", at)
            .Bind("$followers", profile.Followers)
            .Bind("$following", profile.Following)
            .Bind("$posts", profile.Posts)
            .Bind("$posts_sampled", engagement?.PostsSampled ?? 0)
            .Bind("$avg_likes", engagement?.AvgLikes)
            .Bind("$avg_replies", engagement?.AvgReplies)
            .Bind("$avg_reposts", engagement?.AvgReposts)
            .Bind("$avg_quotes", engagement?.AvgQuotes)
            .Bind("$avg_views", engagement?.AvgViews)
            .Bind("$engagement_rate", engagement?.EngagementRate)
            .Bind("$er_formula", engagement is null ? null : EngagementSummary.Formula)
            .Bind("$quality_flags", (long)quality);
    }

    public async ValueTask DisposeAsync()
    {
        await _upsertAccount.DisposeAsync();
        await _extendHandleSpan.DisposeAsync();
        await _openHandleSpan.DisposeAsync();
        await _insertSnapshot.DisposeAsync();
        await _markSuccess.DisposeAsync();
    }
}
