-- 0001_initial: accounts, their handle history, watchlist entries with collection state, snapshots.
--
-- Conventions (every later migration keeps them):
--   * Instants are INTEGER milliseconds since the Unix epoch, UTC (e.g. 1740808800000 = 2025-03-01T06:00:00Z),
--     written only by SqliteInstant in the code; sub-millisecond parts are truncated on write and on every
--     bound used to compare. Integers sort as time, cost 6 bytes instead of 28 in a row and again in the
--     (account_id, collected_at) index, and read without parsing (a third of a 100,000-row status read went
--     to parsing text instants). To read them in the sqlite3 shell:
--       strftime('%Y-%m-%dT%H:%M:%fZ', collected_at / 1000.0, 'unixepoch')
--   * Counts a platform did not report (hidden followers, missing counters) are NULL, never 0.
--   * No secret (token, key, webhook URL) is ever stored.
--   * STRICT tables: a value of the wrong type is an error, not a silent conversion.
--   * Each migration runs inside one transaction with foreign keys off (SQLite's procedure for rebuilding a table);
--     the migrator runs PRAGMA foreign_key_check before the commit, so a step cannot leave a dangling reference.

-- One row per account on a platform, identified by its stable platform id (DID, user id, channel id...).
-- latest_snapshot_id is maintained by the snapshots_track_latest trigger so that "latest snapshot of every
-- watched account" is a key lookup per row instead of a max() over millions of snapshots.
CREATE TABLE accounts (
    id                 INTEGER PRIMARY KEY,
    platform           TEXT    NOT NULL,
    platform_id        TEXT    NOT NULL,
    handle             TEXT    NOT NULL,          -- current handle as the platform spells it
    posts_ref          TEXT,                      -- pointer needed to list posts (YouTube uploads playlist)
    first_seen_at      INTEGER NOT NULL,
    latest_snapshot_id INTEGER REFERENCES snapshots (id),
    UNIQUE (platform, platform_id)
) STRICT;

-- Every handle an account has been seen under, as spans. A rename adds a span; a return to an old handle
-- adds another, so the sequence A -> B -> A is kept. The current span is the account's highest id.
CREATE TABLE account_handles (
    id            INTEGER PRIMARY KEY,
    account_id    INTEGER NOT NULL REFERENCES accounts (id),
    handle        TEXT    NOT NULL,
    first_seen_at INTEGER NOT NULL,
    last_seen_at  INTEGER NOT NULL
) STRICT;

CREATE INDEX ix_account_handles_account ON account_handles (account_id);

-- One row per watchlist entry ever collected, keyed by (platform, watch_key) where watch_key is the
-- normalized watchlist handle. account_id stays NULL until the entry resolves, so an entry that never
-- resolved still has its failures and back-off. Several keys may point to one account (a handle and a DID),
-- and a key may move to another account. The row survives removal from the watchlist: history is kept.
CREATE TABLE watch_entries (
    id                   INTEGER PRIMARY KEY,
    platform             TEXT    NOT NULL,
    watch_key            TEXT    NOT NULL,
    account_id           INTEGER REFERENCES accounts (id),
    first_seen_at        INTEGER NOT NULL,
    last_attempt_at      INTEGER,
    last_success_at      INTEGER,
    consecutive_failures INTEGER NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
    last_error_kind      TEXT,                    -- PlatformErrorKind name; NULL after a success
    last_error           TEXT,                    -- message safe to store (never a secret)
    next_attempt_at      INTEGER,                 -- NULL: at the next scheduled slot
    UNIQUE (platform, watch_key)
) STRICT;

CREATE INDEX ix_watch_entries_account ON watch_entries (account_id);

-- Append-only time series: one row per successful observation.
CREATE TABLE snapshots (
    id              INTEGER PRIMARY KEY,
    account_id      INTEGER NOT NULL REFERENCES accounts (id),
    collected_at    INTEGER NOT NULL,
    followers       INTEGER,
    following       INTEGER,
    posts           INTEGER,
    posts_sampled   INTEGER NOT NULL DEFAULT 0 CHECK (posts_sampled >= 0),
    avg_likes       REAL,
    avg_replies     REAL,
    avg_reposts     REAL,
    avg_quotes      REAL,
    avg_views       REAL,
    engagement_rate REAL,                         -- fraction; NULL when not measurable
    er_formula      TEXT,                         -- name of the formula behind engagement_rate; NULL if unsampled
    quality_flags   INTEGER NOT NULL DEFAULT 0 CHECK (quality_flags >= 0)  -- DataQuality bit flags
) STRICT;

CREATE INDEX ix_snapshots_account_collected ON snapshots (account_id, collected_at);

-- A late-arriving older snapshot must not displace a newer one as the account's latest.
CREATE TRIGGER snapshots_track_latest AFTER INSERT ON snapshots
BEGIN
    UPDATE accounts
       SET latest_snapshot_id = NEW.id
     WHERE id = NEW.account_id
       AND (latest_snapshot_id IS NULL
            OR (SELECT collected_at FROM snapshots WHERE id = accounts.latest_snapshot_id) <= NEW.collected_at);
END;

-- History is evidence: a stored observation is never rewritten. (DELETE stays possible for a future
-- retention policy.)
CREATE TRIGGER snapshots_append_only BEFORE UPDATE ON snapshots
BEGIN
    SELECT RAISE(ABORT, 'snapshots are append-only');
END;
