-- Storage per dossier (issue 17; docs/performance.md "Storage per dossier (issue 17)"). Plain
-- portable DDL: the same text runs on SQLite and PostgreSQL.
--
-- Each event's prev_hash repeated the hash of the event before it (64 bytes of hex per event);
-- the chain is unchanged, `motcua verify-log` takes the predecessor's hash from the row at
-- seq - 1, which it reads anyway (store/event_log.hpp). Dropping a column is no UPDATE: the
-- append-only triggers stay as they are.
ALTER TABLE dossier_events DROP COLUMN prev_hash;

-- Delivered and cancelled outbox rows that pruning removed, counted per topic, so that the
-- administrators' totals (GET /api/v1/admin/outbox) stay whole after the rows are gone.
CREATE TABLE outbox_pruned (
  topic      TEXT PRIMARY KEY,
  delivered  INTEGER NOT NULL DEFAULT 0,
  cancelled  INTEGER NOT NULL DEFAULT 0
);
