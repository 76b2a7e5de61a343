-- The National Portal sync facts outlive the outbox rows that carried them (issue 16 point 1,
-- Decision 766 "synced" index; found in issue 17 while sizing ten years of history). A dossier
-- counts as synced when one of its `national_portal.sync` rows was delivered and none is dead
-- (store/statistics_queries.cpp, store/index_766_queries.cpp). Delivered rows are pruned after
-- `--outbox-retention-days` (store::prune_outbox), and their deletion marks the dossier's outcome
-- stale (migration 0054), so the refresh used to find no row and count it as never synced: a
-- week after sending, every dossier fell out of the index. Pruning now first records each dossier
-- whose delivered sync row it removes, and both probes read this table when no row is left.
-- Plain portable DDL: the same text runs on SQLite and PostgreSQL.
CREATE TABLE portal_sync_delivered (
  dossier_id  TEXT NOT NULL PRIMARY KEY
);
