-- Statistics read model: one row per received dossier with what its legal clock says (outcome under
-- Decision 766, causes of lateness), its control-sheet steps and the working time used per party.
-- It is a cache of the event log, rebuilt for any dossier whose `dossiers.version` differs from the
-- version stored here (app/statistics_refresh.hpp), so it can never be more than one query stale.

CREATE TABLE dossier_outcomes (
  dossier_id           TEXT PRIMARY KEY REFERENCES dossiers(id),
  version              INTEGER NOT NULL,   -- dossiers.version this row was computed from
  agency_id            TEXT NOT NULL,
  procedure_code       TEXT NOT NULL,
  channel              TEXT NOT NULL,
  received_s           INTEGER NOT NULL,
  received_month       TEXT NOT NULL,      -- YYYY-MM, local time
  finished_s           INTEGER,            -- null while open
  -- Finished dossiers: early | on_time | late (Decision 766 reading). Open ones: open.
  outcome              TEXT NOT NULL,
  -- Open dossiers: from this instant on the dossier counts as overdue (0: already overdue, e.g. a
  -- second supplement request or a pause that began after the due date; null: not while paused).
  overdue_from_s       INTEGER,
  due_s                INTEGER,            -- legal due (apology included), null while paused
  due_766_s            INTEGER,            -- Decision 766 due, null while paused
  paused               TEXT NOT NULL DEFAULT '',   -- '' | supplement | payment
  supplement_requests  INTEGER NOT NULL DEFAULT 0,
  apology_reason       TEXT NOT NULL DEFAULT '',
  apology_new_due_s    INTEGER,
  flags                TEXT NOT NULL DEFAULT ''    -- comma-separated clock flags
);
CREATE INDEX dossier_outcomes_month ON dossier_outcomes(received_month, agency_id);
CREATE INDEX dossier_outcomes_procedure ON dossier_outcomes(procedure_code, received_month);

-- The control sheet (Form 06) rows: one per step, with its party, due and result.
CREATE TABLE dossier_step_outcomes (
  dossier_id  TEXT NOT NULL REFERENCES dossiers(id),
  idx         INTEGER NOT NULL,
  name        TEXT NOT NULL,
  party       TEXT NOT NULL,          -- official:<user id>
  started_s   INTEGER NOT NULL,
  ended_s     INTEGER,
  due_s       INTEGER,
  used_s      INTEGER NOT NULL,       -- working seconds, pauses excluded
  result      TEXT NOT NULL DEFAULT '',  -- early | on_time | late, '' while running or no budget
  PRIMARY KEY (dossier_id, idx)
);
CREATE INDEX dossier_step_outcomes_party ON dossier_step_outcomes(party);

-- Working seconds used per party (applicant, unassigned, official:<id>): the parts add up to the
-- whole time since counting started.
CREATE TABLE dossier_party_time (
  dossier_id  TEXT NOT NULL REFERENCES dossiers(id),
  party       TEXT NOT NULL,
  seconds     INTEGER NOT NULL,
  PRIMARY KEY (dossier_id, party)
);
