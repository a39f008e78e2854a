-- 0002_quota: per-day usage of platform request quotas (YouTube Data API units), kept in the database so a
-- restart, or the CLI running next to the worker, does not forget what was already spent today.
--
-- quota_day is the platform's own calendar date as yyyy-MM-dd, computed by the caller (YouTube's quota day
-- starts at midnight America/Los_Angeles): a date, not an instant, so it stays TEXT. Instants follow 0001.
-- exhausted_at is set when the platform itself answered "quota exceeded" (a quota shared with other applications
-- can run out before our own count does); units then stay what we really spent, for an honest report.
-- One row per platform and day; rows are never rewritten into the past and are small enough to keep.
CREATE TABLE quota_usage (
    platform     TEXT    NOT NULL,
    quota_day    TEXT    NOT NULL CHECK (quota_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    units        INTEGER NOT NULL DEFAULT 0 CHECK (units >= 0),
    exhausted_at INTEGER,
    updated_at   INTEGER NOT NULL,
    PRIMARY KEY (platform, quota_day)
) STRICT;
