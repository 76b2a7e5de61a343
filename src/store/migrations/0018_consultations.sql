-- Consultations between agencies (lấy ý kiến cơ quan liên quan, Decree 61/2018 Art. 19): one row
-- per question an official sends another agency about a dossier. The dossier's event log keeps the
-- commands; this table is what the consulted agency's officials work from (their queue lists the
-- open rows of their agencies, without access to the whole dossier), and what the control sheet
-- and the statistics read the deadline and the lateness of the answer from.
CREATE TABLE consultations (
  id              TEXT PRIMARY KEY,
  dossier_id      TEXT NOT NULL REFERENCES dossiers(id),
  agency_id       TEXT NOT NULL REFERENCES agencies(id),  -- the consulted agency
  agency_code     TEXT NOT NULL,                          -- as the asker named it
  question        TEXT NOT NULL,
  shared_papers   TEXT NOT NULL DEFAULT '[]',  -- JSON array of the dossier's paper ids shared
  asked_by        TEXT NOT NULL,
  asked_at        TEXT NOT NULL,
  asked_s         INTEGER NOT NULL,
  due_at          TEXT NOT NULL,
  due_s           INTEGER NOT NULL,
  answer          TEXT,
  replied_by      TEXT,
  replied_at      TEXT,
  replied_s       INTEGER,
  late            INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX consultations_open ON consultations(agency_id, replied_s);
CREATE INDEX consultations_dossier ON consultations(dossier_id);
