-- The National Public Service Portal link (docs/integrations.md). A dossier submitted on the portal
-- and pulled by MotCua is mapped to the dossier created for it: the portal's own code is unique, so
-- pulling the same dossier twice (a repeated pull, two servers pulling at once) creates one
-- dossier. The mapping is also the dossier's origin ("national_portal").
-- Plain portable DDL: the same text runs on SQLite and PostgreSQL.
CREATE TABLE portal_inbound (
  portal_code  TEXT PRIMARY KEY,
  portal_seq   INTEGER NOT NULL,
  dossier_id   TEXT NOT NULL UNIQUE REFERENCES dossiers(id),
  pulled_at    TEXT NOT NULL
);

-- Reconciliation reports (what the portal holds against MotCua), newest last; the admin view shows
-- the last one.
CREATE TABLE portal_reconciliations (
  id       INTEGER PRIMARY KEY,
  ran_at   TEXT NOT NULL,
  report   TEXT NOT NULL
);

