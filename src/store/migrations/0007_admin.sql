-- Administration: announced calendar years imported by administrators, local terms of a procedure
-- per agency, and a version on users for optimistic concurrency between two administrators.

-- An announced year (the JSON of data/calendars/vn/<year>.json, docs/rules.md 1.5). A year stored
-- here overrides the data file of that year and the provisional schedule. `version` bumps on every
-- replacement; the audit log keeps who, when and why.
CREATE TABLE calendar_years (
  year        INTEGER PRIMARY KEY,
  document    TEXT NOT NULL,
  version     INTEGER NOT NULL,
  updated_by  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

-- Local details of a procedure at one agency (and, unless a nearer agency has its own, the agencies
-- under it): time limits per channel, deadline rule, fees note, receiving address. They override
-- the province-wide procedure_local_terms and the catalog without touching imported versions.
CREATE TABLE procedure_agency_terms (
  code               TEXT NOT NULL,
  agency_id          TEXT NOT NULL REFERENCES agencies(id),
  limits             TEXT NOT NULL DEFAULT '{}',  -- JSON object: {"counter": "3 working-days"}
  rule               TEXT NOT NULL DEFAULT '',    -- standard | civil-code; empty: inherited
  fees_note          TEXT NOT NULL DEFAULT '',
  receiving_address  TEXT NOT NULL DEFAULT '',
  note               TEXT NOT NULL DEFAULT '',    -- the local decision it comes from
  version            INTEGER NOT NULL,
  updated_by         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  PRIMARY KEY (code, agency_id)
);

ALTER TABLE users ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
