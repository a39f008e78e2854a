-- 0006_growth_points: what `status` needs of each account's history to show its growth, kept as the account is
-- analysed, so status reads one short row per account instead of 45 days of snapshots (docs/benchmarks.md, status).
--
-- points are GrowthCalculator.Candidates of the account's measured snapshots: the latest, the nearest on either side
-- of each window's start, the first of the rate window; "collected_at:followers" pairs (instants as in 0001), oldest
-- first, separated by ';'. Rewritten in the analysis transaction of every batch that has new snapshots of the account.
-- An account without a row (analysed before this step) has its points computed when read.
CREATE TABLE account_growth (
    account_id INTEGER PRIMARY KEY REFERENCES accounts (id),
    points     TEXT    NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;
