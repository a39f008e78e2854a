-- 0005_lean_writes: an observation writes its snapshot row and, in the steady state, nothing else.
--
-- Until now every snapshot also rewrote its account row twice (the upsert, then the latest-pointer trigger), extended
-- the current handle span and rewrote the watch entry's times: five row writes over four tables where one carries
-- the information (docs/benchmarks.md, storage). From here on:
--   * The latest snapshot of an account is found through ix_snapshots_account_collected (one backward seek), so
--     accounts.latest_snapshot_id and its trigger go. Latest means latest collected_at, then highest id.
--   * The current handle span has last_seen_at NULL: its last sighting is the account's latest snapshot. A span
--     gets its last_seen_at when a rename closes it.
--   * A success rewrites the watch entry only when something about it changes (new entry, another account,
--     failure state to clear). Its effective last_attempt_at and last_success_at are the later of the stored value
--     and the latest snapshot of its account (SqliteStatusReader).
-- The tables are rebuilt the way SQLite documents it; the migrator runs every step with foreign keys off and checks
-- them (PRAGMA foreign_key_check) before the commit.

DROP TRIGGER snapshots_track_latest;

CREATE TABLE accounts_rebuilt (
    id            INTEGER PRIMARY KEY,
    platform      TEXT    NOT NULL,
    platform_id   TEXT    NOT NULL,
    handle        TEXT    NOT NULL,          -- current handle as the platform spells it
    posts_ref     TEXT,                      -- pointer needed to list posts (YouTube uploads playlist)
    first_seen_at INTEGER NOT NULL,
    UNIQUE (platform, platform_id)
) STRICT;

INSERT INTO accounts_rebuilt (id, platform, platform_id, handle, posts_ref, first_seen_at)
SELECT id, platform, platform_id, handle, posts_ref, first_seen_at FROM accounts;

DROP TABLE accounts;
ALTER TABLE accounts_rebuilt RENAME TO accounts;

-- Every handle an account has been seen under, as spans; the current span is the account's highest id and has
-- last_seen_at NULL. A rename closes the current span and opens another, so A -> B -> A is kept.
CREATE TABLE account_handles_rebuilt (
    id            INTEGER PRIMARY KEY,
    account_id    INTEGER NOT NULL REFERENCES accounts (id),
    handle        TEXT    NOT NULL,
    first_seen_at INTEGER NOT NULL,
    last_seen_at  INTEGER                    -- NULL while current
) STRICT;

INSERT INTO account_handles_rebuilt (id, account_id, handle, first_seen_at, last_seen_at)
SELECT h.id, h.account_id, h.handle, h.first_seen_at,
       CASE WHEN h.id = (SELECT max(c.id) FROM account_handles AS c WHERE c.account_id = h.account_id)
            THEN NULL ELSE h.last_seen_at END
  FROM account_handles AS h;

DROP TABLE account_handles;
ALTER TABLE account_handles_rebuilt RENAME TO account_handles;
CREATE INDEX ix_account_handles_account ON account_handles (account_id);
