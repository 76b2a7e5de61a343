-- Tamper evidence (docs/security.md): the audit log of administrative changes is hash-chained like
-- the dossier event log, append-only in the database, and both logs' heads are anchored in signed
-- records kept outside the chain.

-- Each row's hash covers the previous row's hash and the row's fields (store/audit_log.hpp). Rows
-- written before this migration get theirs, in seq order, right after it (store/audit_log.cpp,
-- chain_unchained_audit): SQL has no SHA-256 on SQLite.
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN hash TEXT NOT NULL DEFAULT '';

-- Append-only: no DELETE, and no UPDATE except the one that gives a row written before this
-- migration its place in the chain (an empty hash becomes its hash, once).
-- @sqlite
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN OLD.hash <> ''
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
-- @end
-- @postgres
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.hash = '' THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = '23000';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
-- @end

-- Signed anchors (app/integrity/anchors.hpp): the heads and counts of both logs at one instant,
-- signed with the instance's Ed25519 key. The same record is also appended to a file outside the
-- database, so removing rows here as well as from the logs is still caught.
CREATE TABLE log_anchors (
  seq           INTEGER PRIMARY KEY,
  at            TEXT NOT NULL,
  events_seq    INTEGER NOT NULL,
  events_hash   TEXT NOT NULL,
  events_count  INTEGER NOT NULL,
  audit_seq     INTEGER NOT NULL,
  audit_hash    TEXT NOT NULL,
  audit_count   INTEGER NOT NULL,
  public_key    TEXT NOT NULL,  -- hex
  signature     TEXT NOT NULL   -- hex, over the canonical text of the fields above
);

-- The dated history of administrative units: each column of a unit that an edition of the units
-- files changed (a renaming, Xã becoming Phường), from the day that edition took effect
-- (codec/units_csv.hpp UnitChange). Agencies keep only the newest attributes; the names before
-- are here. Re-importing the same editions adds nothing.
CREATE TABLE unit_history (
  agency_id    TEXT NOT NULL REFERENCES agencies(id),
  effective    TEXT NOT NULL,  -- YYYY-MM-DD
  column_name  TEXT NOT NULL,  -- e.g. full_name, unit_type
  before       TEXT NOT NULL,
  after        TEXT NOT NULL,
  recorded_at  TEXT NOT NULL,
  PRIMARY KEY (agency_id, effective, column_name)
);
