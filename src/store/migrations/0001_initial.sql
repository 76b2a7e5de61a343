-- MotCua initial schema (SQLite). Times are ISO 8601 UTC text unless the column says *_local;
-- instants used in arithmetic are also kept as integer seconds since the epoch (*_s).
-- PostgreSQL runs the same text through the fences and mapping of src/store/migrations.hpp.

-- Agencies: competent agencies and their tree, with validity dates (the 2025 reform).
CREATE TABLE agencies (
  id          TEXT PRIMARY KEY,
  code        TEXT NOT NULL,          -- used in dossier codes
  name        TEXT NOT NULL,
  name_en     TEXT NOT NULL DEFAULT '',
  kind        TEXT NOT NULL,          -- province, commune, department, ministry, other
  parent_id   TEXT REFERENCES agencies(id),
  valid_from  TEXT NOT NULL,
  valid_to    TEXT
);
CREATE INDEX agencies_parent ON agencies(parent_id);

-- One-stop units (bộ phận một cửa, trung tâm phục vụ hành chính công): places of receipt.
CREATE TABLE one_stop_units (
  id          TEXT PRIMARY KEY,
  agency_id   TEXT NOT NULL REFERENCES agencies(id),
  name        TEXT NOT NULL,
  name_en     TEXT NOT NULL DEFAULT '',
  address     TEXT NOT NULL DEFAULT ''
);

-- Procedures (thủ tục hành chính): one row per version; a dossier keeps the version it was received
-- under. `document` is the full procedure as JSON; the columns are what queries need.
CREATE TABLE procedures (
  code            TEXT NOT NULL,
  version         INTEGER NOT NULL,
  name            TEXT NOT NULL,
  name_folded     TEXT NOT NULL,       -- accent-insensitive search
  field           TEXT NOT NULL DEFAULT '',
  level           TEXT NOT NULL DEFAULT '',
  source          TEXT NOT NULL DEFAULT '',
  effective_from  TEXT NOT NULL,
  content_hash    TEXT NOT NULL,
  document        TEXT NOT NULL,
  imported_at     TEXT NOT NULL,
  PRIMARY KEY (code, version)
);
CREATE INDEX procedures_folded ON procedures(name_folded);

-- Internal processes (quy trình nội bộ) per procedure and agency, versioned.
CREATE TABLE processes (
  id              TEXT NOT NULL,
  version         INTEGER NOT NULL,
  procedure_code  TEXT NOT NULL,
  agency_id       TEXT NOT NULL REFERENCES agencies(id),
  document        TEXT NOT NULL,
  updated_by      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  PRIMARY KEY (id, version)
);
CREATE INDEX processes_lookup ON processes(procedure_code, agency_id);

-- People: officials and applicants.
CREATE TABLE users (
  id             TEXT PRIMARY KEY,
  username       TEXT NOT NULL UNIQUE,
  kind           TEXT NOT NULL,         -- official, applicant
  display_name   TEXT NOT NULL,
  id_number      TEXT NOT NULL DEFAULT '',  -- citizen ID (CCCD) or tax code
  email          TEXT NOT NULL DEFAULT '',
  phone          TEXT NOT NULL DEFAULT '',
  password_hash  TEXT NOT NULL,         -- Argon2id (libsodium crypto_pwhash_str)
  disabled       INTEGER NOT NULL DEFAULT 0,
  created_at     TEXT NOT NULL
);

-- An official's roles, each scoped to an agency (and so to its subtree).
CREATE TABLE user_roles (
  user_id    TEXT NOT NULL REFERENCES users(id),
  role       TEXT NOT NULL,            -- reception, processing, leader, administrator
  agency_id  TEXT NOT NULL REFERENCES agencies(id),
  PRIMARY KEY (user_id, role, agency_id)
);

CREATE TABLE sessions (
  token_hash  TEXT PRIMARY KEY,        -- SHA-256 of the cookie value; the value itself is never stored
  user_id     TEXT NOT NULL REFERENCES users(id),
  csrf_token  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  expires_s   INTEGER NOT NULL
);

-- Dossiers (hồ sơ): the current state. History is in dossier_events.
CREATE TABLE dossiers (
  id                  TEXT PRIMARY KEY,
  code                TEXT UNIQUE,      -- given at receipt
  procedure_code      TEXT NOT NULL,
  procedure_version   INTEGER NOT NULL,
  variant             TEXT NOT NULL DEFAULT '',
  receiving_unit_id   TEXT REFERENCES one_stop_units(id),
  agency_id           TEXT NOT NULL REFERENCES agencies(id),  -- competent agency
  applicant_id        TEXT REFERENCES users(id),
  applicant_name      TEXT NOT NULL,
  applicant_folded    TEXT NOT NULL,
  channel             TEXT NOT NULL,    -- counter, online, post
  status              TEXT NOT NULL,
  assignee_id         TEXT REFERENCES users(id),
  current_step        TEXT NOT NULL DEFAULT '',
  submitted_at        TEXT,
  received_at         TEXT,
  due_s               INTEGER,          -- legal due date
  due_766_s           INTEGER,
  finished_at         TEXT,
  version             INTEGER NOT NULL, -- bumps on every change (optimistic checks)
  document            TEXT NOT NULL,    -- domain state, papers, clock timeline as JSON
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
);
CREATE INDEX dossiers_queue ON dossiers(agency_id, status, due_s);
CREATE INDEX dossiers_assignee ON dossiers(assignee_id, due_s);
CREATE INDEX dossiers_applicant ON dossiers(applicant_id);

-- The append-only, hash-chained event log: every change of every dossier, in commit order.
-- hash = SHA-256(prev_hash || canonical form of the row); `motcua verify-log` recomputes the chain.
CREATE TABLE dossier_events (
  seq          INTEGER PRIMARY KEY,     -- global order, no gaps
  dossier_id   TEXT NOT NULL REFERENCES dossiers(id),
  type         TEXT NOT NULL,
  actor_id     TEXT NOT NULL,
  role         TEXT NOT NULL,
  at           TEXT NOT NULL,
  reason       TEXT NOT NULL DEFAULT '',
  from_status  TEXT NOT NULL,
  to_status    TEXT NOT NULL,
  payload      TEXT NOT NULL,
  prev_hash    TEXT NOT NULL,
  hash         TEXT NOT NULL
);
CREATE INDEX dossier_events_dossier ON dossier_events(dossier_id, seq);
-- @sqlite
CREATE TRIGGER dossier_events_no_update BEFORE UPDATE ON dossier_events
BEGIN SELECT RAISE(ABORT, 'dossier_events is append-only'); END;
CREATE TRIGGER dossier_events_no_delete BEFORE DELETE ON dossier_events
BEGIN SELECT RAISE(ABORT, 'dossier_events is append-only'); END;
-- @end
-- @postgres
-- SQLSTATE 23000 (integrity constraint), as SQLite's trigger abort is a constraint failure: the
-- store reports a ConstraintError on both engines.
CREATE FUNCTION dossier_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'dossier_events is append-only' USING ERRCODE = '23000';
END $$;
CREATE TRIGGER dossier_events_no_update BEFORE UPDATE ON dossier_events
  FOR EACH ROW EXECUTE FUNCTION dossier_events_append_only();
CREATE TRIGGER dossier_events_no_delete BEFORE DELETE ON dossier_events
  FOR EACH ROW EXECUTE FUNCTION dossier_events_append_only();
-- TRUNCATE skips row triggers; SQLite has no TRUNCATE.
CREATE TRIGGER dossier_events_no_truncate BEFORE TRUNCATE ON dossier_events
  FOR EACH STATEMENT EXECUTE FUNCTION dossier_events_append_only();
-- @end

-- Daily sequence of dossier codes per agency code (Circular 01/2018 Art. 19).
CREATE TABLE dossier_sequences (
  agency_code  TEXT NOT NULL,
  day          TEXT NOT NULL,            -- YYYY-MM-DD, local
  last         INTEGER NOT NULL,
  PRIMARY KEY (agency_code, day)
);

-- Uploaded papers (the bytes live on disk, named by their SHA-256).
CREATE TABLE papers (
  id            TEXT PRIMARY KEY,
  dossier_id    TEXT NOT NULL REFERENCES dossiers(id),
  paper_name    TEXT NOT NULL,
  file_name     TEXT NOT NULL,
  content_type  TEXT NOT NULL,
  size          INTEGER NOT NULL,
  sha256        TEXT NOT NULL,
  uploaded_by   TEXT NOT NULL,
  uploaded_at   TEXT NOT NULL
);
CREATE INDEX papers_dossier ON papers(dossier_id);

-- POST idempotency: a retried request with the same key gets the first response again.
CREATE TABLE idempotency_keys (
  actor_id      TEXT NOT NULL,
  key           TEXT NOT NULL,
  request_hash  TEXT NOT NULL,
  status        INTEGER NOT NULL,
  response      TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  PRIMARY KEY (actor_id, key)
);

-- Side effects to deliver later (mail, SMS, National Portal sync), written in the same transaction
-- as the change that causes them.
CREATE TABLE outbox (
  id               INTEGER PRIMARY KEY,
  topic            TEXT NOT NULL,
  idempotency_key  TEXT NOT NULL UNIQUE,
  payload          TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  available_s      INTEGER NOT NULL,
  attempts         INTEGER NOT NULL DEFAULT 0,
  last_error       TEXT NOT NULL DEFAULT '',
  delivered_at     TEXT
);
CREATE INDEX outbox_pending ON outbox(delivered_at, available_s);

-- Administrative changes (catalog, processes, calendars, people, roles): who, when, what, why.
CREATE TABLE audit_log (
  seq        INTEGER PRIMARY KEY,
  actor_id   TEXT NOT NULL,
  at         TEXT NOT NULL,
  action     TEXT NOT NULL,
  object     TEXT NOT NULL,
  reason     TEXT NOT NULL DEFAULT '',
  details    TEXT NOT NULL
);
