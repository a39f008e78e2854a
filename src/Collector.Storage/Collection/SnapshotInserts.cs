using Collector.Core.Metrics;
using Collector.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Collection;

/// <summary>
/// The snapshot inserts of one connection: with engagement, and without it (the engagement columns then keep their
/// defaults, NULL and 0, so fewer values are bound per row). Their per-row parameters are held directly instead of
/// being looked up by name for every row.
/// </summary>
internal sealed class SnapshotInserts : IDisposable
{
    private const string InsertSql = """
        INSERT INTO snapshots (
            account_id, collected_at, followers, following, posts, posts_sampled,
            avg_likes, avg_replies, avg_reposts, avg_quotes, avg_views, engagement_rate, er_formula, quality_flags)
        VALUES (
            $account_id, $at, $followers, $following, $posts, $posts_sampled,
            $avg_likes, $avg_replies, $avg_reposts, $avg_quotes, $avg_views, $engagement_rate, $er_formula, $quality_flags);
        """;

    private const string InsertProfileOnlySql = """
        INSERT INTO snapshots (account_id, collected_at, followers, following, posts, quality_flags)
        VALUES ($account_id, $at, $followers, $following, $posts, $quality_flags);
        """;

    private readonly Insert _measured;
    private readonly Insert _profileOnly;

    public SnapshotInserts(SqliteConnection connection)
    {
        _measured = new Insert(new PreparedStatement(connection, InsertSql));
        _profileOnly = new Insert(new PreparedStatement(connection, InsertProfileOnlySql));
    }

    public void Enlist(SqliteTransaction transaction)
    {
        _measured.Statement.Command.Transaction = transaction;
        _profileOnly.Statement.Command.Transaction = transaction;
    }

    public void Write(long accountId, long at, AccountObservation observation)
    {
        var insert = observation.Engagement is null ? _profileOnly : _measured;
        insert.Write(accountId, at, observation);
    }

    public void Dispose()
    {
        _measured.Statement.Dispose();
        _profileOnly.Statement.Dispose();
    }

    private sealed class Insert(PreparedStatement statement)
    {
        private readonly SqliteParameter _accountId = statement.Parameter("$account_id");
        private readonly SqliteParameter _at = statement.Parameter("$at");
        private readonly SqliteParameter _followers = statement.Parameter("$followers");
        private readonly SqliteParameter _following = statement.Parameter("$following");
        private readonly SqliteParameter _posts = statement.Parameter("$posts");
        private readonly SqliteParameter _quality = statement.Parameter("$quality_flags");

        public PreparedStatement Statement => statement;

        public void Write(long accountId, long at, AccountObservation observation)
        {
            var profile = observation.Profile;
            _accountId.Value = accountId;
            _at.Value = at;
            _followers.Value = (object?)profile.Followers ?? DBNull.Value;
            _following.Value = (object?)profile.Following ?? DBNull.Value;
            _posts.Value = (object?)profile.Posts ?? DBNull.Value;

            // The profile's caveats (hidden, rounded followers) hold for the observation whether or not the caller merged them.
            _quality.Value = (long)(observation.Quality | profile.Quality);
            if (observation.Engagement is { } engagement)
            {
                statement.Set("$posts_sampled", engagement.PostsSampled)
                    .Set("$avg_likes", engagement.AvgLikes)
                    .Set("$avg_replies", engagement.AvgReplies)
                    .Set("$avg_reposts", engagement.AvgReposts)
                    .Set("$avg_quotes", engagement.AvgQuotes)
                    .Set("$avg_views", engagement.AvgViews)
                    .Set("$engagement_rate", engagement.EngagementRate)
                    .Set("$er_formula", EngagementSummary.Formula);
            }

            statement.Command.ExecuteNonQuery();
        }
    }
}
