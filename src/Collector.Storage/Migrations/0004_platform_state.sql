-- 0004_platform_state: platforms paused as a whole (refused credential, quota, rate limit, every account failing).
--
-- A platform-level failure is one row here, not thousands of account failures: the entries of a paused platform
-- keep their own consecutive_failures. One row per unhealthy platform; the row is deleted when a round collects
-- again. since is the first failing round of the episode (the platform_unhealthy notification is keyed on it);
-- until is when to try again (NULL: at the next scheduled slot); instants follow 0001. message never holds a secret.
CREATE TABLE platform_state (
    platform             TEXT    NOT NULL PRIMARY KEY,
    reason               TEXT    NOT NULL,            -- PlatformErrorKind name
    message              TEXT    NOT NULL,
    since                INTEGER NOT NULL,
    until                INTEGER,
    consecutive_failures INTEGER NOT NULL CHECK (consecutive_failures >= 1),
    updated_at           INTEGER NOT NULL
) STRICT;
