-- 0003_bands: band evaluation state, account events (band crossings, follower spikes) and the notification outbox.
-- Independent of 0002 (written concurrently on another branch): the migrator applies a step filled in later.

-- Where band evaluation of each account stands: the confirmed tier, a candidate tier and its streak, and the id of
-- the last snapshot evaluated, so each round evaluates only new snapshots and a repeat of the same ones is a no-op.
-- Tiers are the wire names of SPEC ("below", "band", "above", "low_engagement"); "unknown" is never confirmed.
CREATE TABLE band_states (
    account_id       INTEGER PRIMARY KEY REFERENCES accounts (id),
    confirmed_tier   TEXT,                        -- NULL until the first measured snapshot (the baseline)
    pending_tier     TEXT,
    pending_count    INTEGER NOT NULL DEFAULT 0 CHECK (pending_count >= 0),
    last_snapshot_id INTEGER NOT NULL DEFAULT 0,
    updated_at       INTEGER NOT NULL
) STRICT;

-- Events found in an account's snapshots. event_key is deterministic (account, kind, instant or day), so finding
-- the same event again adds nothing. The band in force is kept with each event: a crossing means nothing without
-- the limits that produced it, and the watchlist's band may change later.
CREATE TABLE account_events (
    id                  INTEGER PRIMARY KEY,
    account_id          INTEGER NOT NULL REFERENCES accounts (id),
    kind                TEXT    NOT NULL CHECK (kind IN ('entered', 'left', 'spike')),
    event_key           TEXT    NOT NULL UNIQUE,
    at                  INTEGER NOT NULL,         -- the snapshot that confirmed the crossing or showed the spike
    from_tier           TEXT,
    to_tier             TEXT,
    followers           INTEGER,
    engagement_rate     REAL,
    min_followers       INTEGER NOT NULL,
    max_followers       INTEGER NOT NULL,
    min_engagement_rate REAL    NOT NULL,
    confirm_snapshots   INTEGER NOT NULL,
    spike_day           TEXT,                     -- spikes: the UTC day (yyyy-MM-dd), its gain, usual gain, threshold
    spike_change        INTEGER,
    spike_expected      REAL,
    spike_threshold     REAL
) STRICT;

CREATE INDEX ix_account_events_at ON account_events (at);
CREATE INDEX ix_account_events_account ON account_events (account_id, at);

-- One row per (webhook, event): written in the same transaction as the event, then delivered by the dispatcher.
-- webhook_id is an identity derived from the webhook's configuration (a hash): the URL is a secret and is never
-- stored. payload is the event as JSON (no secret in it). A row is due when next_attempt_at has passed and it is
-- not leased; lease_until protects a send in progress from a second dispatcher.
CREATE TABLE notification_outbox (
    id              INTEGER PRIMARY KEY,
    webhook_id      TEXT    NOT NULL,
    event_id        TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    payload         TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at INTEGER,                      -- NULL once delivered or given up
    lease_until     INTEGER,
    delivered_at    INTEGER,
    last_attempt_at INTEGER,
    last_error      TEXT,                         -- safe text: status or error kind, never the URL
    UNIQUE (webhook_id, event_id)
) STRICT;

CREATE INDEX ix_notification_outbox_due ON notification_outbox (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
