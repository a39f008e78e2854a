using Collector.Core.Metrics;
using Collector.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Collection;

/// <summary>
/// The snapshot inserts of one connection: with engagement, and without it (the engagement columns then keep their
/// defaults, NULL and 0, so fewer values are bound per row). They are bound by index and run through SQLitePCL.raw
/// (<see cref="RawStatement"/>): through <see cref="SqliteCommand"/> each row cost twice the raw insert's time
/// (docs/benchmarks.md, item 12).
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
        _measured = new Insert(new RawStatement(connection, InsertSql), withEngagement: true);
        try
        {
            _profileOnly = new Insert(new RawStatement(connection, InsertProfileOnlySql), withEngagement: false);
        }
        catch
        {
            _measured.Statement.Dispose();
            throw;
        }
    }

    /// <summary>Inserts the observation's snapshot, in the transaction the connection has open.</summary>
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

    /// <summary>One insert with its parameters' indexes found once.</summary>
    private sealed class Insert(RawStatement statement, bool withEngagement)
    {
        private readonly int _accountId = statement.IndexOf("$account_id");
        private readonly int _at = statement.IndexOf("$at");
        private readonly int _followers = statement.IndexOf("$followers");
        private readonly int _following = statement.IndexOf("$following");
        private readonly int _posts = statement.IndexOf("$posts");
        private readonly int _quality = statement.IndexOf("$quality_flags");
        private readonly Engagement? _engagement = withEngagement ? new Engagement(statement) : null;

        public RawStatement Statement => statement;

        public void Write(long accountId, long at, AccountObservation observation)
        {
            var profile = observation.Profile;
            statement.Bind(_accountId, accountId);
            statement.Bind(_at, at);
            statement.Bind(_followers, profile.Followers);
            statement.Bind(_following, profile.Following);
            statement.Bind(_posts, profile.Posts);

            // The profile's caveats (hidden, rounded followers) hold for the observation whether or not the caller merged them.
            statement.Bind(_quality, (long)(observation.Quality | profile.Quality));
            if (observation.Engagement is { } engagement)
            {
                _engagement!.Bind(engagement);
            }

            statement.Execute();
        }
    }

    /// <summary>The engagement columns' parameters, in the insert that has them.</summary>
    private sealed class Engagement(RawStatement statement)
    {
        private readonly int _postsSampled = statement.IndexOf("$posts_sampled");
        private readonly int _avgLikes = statement.IndexOf("$avg_likes");
        private readonly int _avgReplies = statement.IndexOf("$avg_replies");
        private readonly int _avgReposts = statement.IndexOf("$avg_reposts");
        private readonly int _avgQuotes = statement.IndexOf("$avg_quotes");
        private readonly int _avgViews = statement.IndexOf("$avg_views");
        private readonly int _engagementRate = statement.IndexOf("$engagement_rate");
        private readonly int _formula = statement.IndexOf("$er_formula");

        public void Bind(EngagementSummary engagement)
        {
            statement.Bind(_postsSampled, engagement.PostsSampled);
            statement.Bind(_avgLikes, engagement.AvgLikes);
            statement.Bind(_avgReplies, engagement.AvgReplies);
            statement.Bind(_avgReposts, engagement.AvgReposts);
            statement.Bind(_avgQuotes, engagement.AvgQuotes);
            statement.Bind(_avgViews, engagement.AvgViews);
            statement.Bind(_engagementRate, engagement.EngagementRate);
            statement.Bind(_formula, EngagementSummary.Formula);
        }
    }
}
