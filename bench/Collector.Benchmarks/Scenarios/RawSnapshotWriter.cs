using Microsoft.Data.Sqlite;

namespace Collector.Benchmarks.Scenarios;

/// <summary>
/// The storage ceiling: plain Microsoft.Data.Sqlite prepared inserts into a table equivalent to the product's
/// <c>snapshots</c> (same columns, STRICT, same index), one connection with the product's pragmas, one statement
/// prepared once and re-bound per row, one transaction per batch. No account upsert, no handle history, no
/// watch-entry state, no latest-snapshot trigger: the least work that stores the same rows.
/// </summary>
internal sealed class RawSnapshotWriter : IDisposable
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        CREATE TABLE snapshots (
            id              INTEGER PRIMARY KEY,
            account_id      INTEGER NOT NULL,
            collected_at    INTEGER NOT NULL,
            followers       INTEGER,
            following       INTEGER,
            posts           INTEGER,
            posts_sampled   INTEGER NOT NULL DEFAULT 0,
            avg_likes       REAL,
            avg_replies     REAL,
            avg_reposts     REAL,
            avg_quotes      REAL,
            avg_views       REAL,
            engagement_rate REAL,
            er_formula      TEXT,
            quality_flags   INTEGER NOT NULL DEFAULT 0
        ) STRICT;
        CREATE INDEX ix_snapshots_account_collected ON snapshots (account_id, collected_at);
        """;

    private const string InsertSql = """
        INSERT INTO snapshots (account_id, collected_at, followers, following, posts, posts_sampled,
            avg_likes, avg_replies, avg_reposts, avg_quotes, avg_views, engagement_rate, er_formula, quality_flags)
        VALUES ($account_id, $at, $followers, $following, $posts, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0);
        """;

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private readonly SqliteParameter _accountId;
    private readonly SqliteParameter _at;
    private readonly SqliteParameter _followers;
    private readonly SqliteParameter _following;
    private readonly SqliteParameter _posts;

    public RawSnapshotWriter(string path)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        using (var schema = _connection.CreateCommand())
        {
            schema.CommandText = Schema;
            schema.ExecuteNonQuery();
        }

        _insert = _connection.CreateCommand();
        _insert.CommandText = InsertSql;
        _accountId = _insert.Parameters.Add("$account_id", SqliteType.Integer);
        _at = _insert.Parameters.Add("$at", SqliteType.Integer);
        _followers = _insert.Parameters.Add("$followers", SqliteType.Integer);
        _following = _insert.Parameters.Add("$following", SqliteType.Integer);
        _posts = _insert.Parameters.Add("$posts", SqliteType.Integer);
        _insert.Prepare();
    }

    /// <summary>Writes rows <paramref name="first"/>..first+count-1 as one transaction.</summary>
    public void WriteBatch(int first, int count, long at)
    {
        using var transaction = _connection.BeginTransaction();
        _insert.Transaction = transaction;
        for (var n = first; n < first + count; n++)
        {
            _accountId.Value = n + 1;
            _at.Value = at;
            _followers.Value = Fake.Synthetic.Followers(n);
            _following.Value = Fake.Synthetic.Following(n);
            _posts.Value = Fake.Synthetic.Posts(n);
            _insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public void Dispose()
    {
        _insert.Dispose();
        _connection.Dispose();
    }
}
