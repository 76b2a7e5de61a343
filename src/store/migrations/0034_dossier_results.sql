-- The signed result file of a dossier (issue 15 point 3; docs/integrations.md "Signing"): the PDF
-- the agency hands over electronically, signed with the agency's key (PAdES). The bytes are in the
-- content-addressed file folder under `sha256` (of the signed file); the dossier's hash-chained log
-- records the same hash (event result_attached). One row per dossier: attaching again before the
-- result is returned replaces the file, and the log keeps every version's hash.
-- Plain portable DDL: the same text runs on SQLite and PostgreSQL.

-- source: uploaded (the official's PDF, signed here) | generated (the result form, signed here).
CREATE TABLE dossier_results (
  dossier_id      TEXT PRIMARY KEY,
  file_name       TEXT NOT NULL,
  size            INTEGER NOT NULL,
  sha256          TEXT NOT NULL,
  source          TEXT NOT NULL,
  signer_subject  TEXT NOT NULL,
  signed_at       TEXT NOT NULL,
  attached_by     TEXT NOT NULL,
  attached_at     TEXT NOT NULL
);
