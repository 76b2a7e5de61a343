-- The statistics read model by the dossier's integer key (issue 17, docs/performance.md "Storage
-- per dossier"): its three tables named each dossier by its 26-character id, and the control
-- sheet's rows repeated the step's name and the party's text ("official:<user id>") on every row.
-- At 850 bytes a dossier of the REST workload the read model cost more than half of what the
-- dossier's own rows did. Now:
-- - dossier_outcomes is keyed by dossiers.key (migration 0063), on SQLite the rowid itself: no
--   second copy of the id in the table and in its primary key's index;
-- - the control sheet's rows and the time per party name their step and party by ids into a small
--   vocabulary (outcome_terms, as event_terms serves the event log), and are clustered on their
--   primary key (on SQLite: each row kept once, in the order it is read; PostgreSQL has no
--   clustered form, its tables are heaps);
-- - the control sheet loses its index on the party: no query seeks a party alone (the officials'
--   figures go from the outcome rows of the months asked to their steps, by key).
-- The rows are copied as they are, so the monthly rollup (migration 0052) stays equal to the rows
-- and nothing has to be recomputed. Readers join dossiers by key for the id and the code.
--
-- The vocabulary of the read model apart from the event log's: that one is part of the chained
-- log; this one may be dropped and rebuilt with the read model. Ids are never reused nor
-- rewritten (store/term_vocabulary.hpp caches them per connection).
CREATE TABLE outcome_terms (
  id    INTEGER PRIMARY KEY,
  term  TEXT NOT NULL UNIQUE
);
INSERT INTO outcome_terms(term)
  SELECT t FROM (SELECT name AS t FROM dossier_step_outcomes
                 UNION SELECT party FROM dossier_step_outcomes
                 UNION SELECT party FROM dossier_party_time) u
  ORDER BY t;

-- "INTEGER NOT NULL PRIMARY KEY": on SQLite the rowid alias (the key is the row's address); on
-- PostgreSQL a bigint primary key without an identity (the value is the dossier's).
CREATE TABLE dossier_outcomes_keyed (
  dossier_key          INTEGER NOT NULL PRIMARY KEY REFERENCES dossiers(key),
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
  flags                TEXT NOT NULL DEFAULT '',   -- comma-separated clock flags
  late_cause           TEXT NOT NULL DEFAULT '',   -- migration 0042
  -- The Decision 766 facts (migration 0054), each 0/1.
  synced               INTEGER NOT NULL DEFAULT 0,
  fee_bearing          INTEGER NOT NULL DEFAULT 0,
  paid_online          INTEGER NOT NULL DEFAULT 0,
  digitised            INTEGER NOT NULL DEFAULT 0,
  has_result           INTEGER NOT NULL DEFAULT 0,
  rated_unsatisfied    INTEGER NOT NULL DEFAULT 0,
  reused               INTEGER NOT NULL DEFAULT 0
);
INSERT INTO dossier_outcomes_keyed(dossier_key, version, agency_id, procedure_code, channel,
    received_s, received_month, finished_s, outcome, overdue_from_s, due_s, due_766_s, paused,
    supplement_requests, apology_reason, apology_new_due_s, flags, late_cause, synced,
    fee_bearing, paid_online, digitised, has_result, rated_unsatisfied, reused)
  SELECT d.key, o.version, o.agency_id, o.procedure_code, o.channel, o.received_s,
    o.received_month, o.finished_s, o.outcome, o.overdue_from_s, o.due_s, o.due_766_s, o.paused,
    o.supplement_requests, o.apology_reason, o.apology_new_due_s, o.flags, o.late_cause, o.synced,
    o.fee_bearing, o.paid_online, o.digitised, o.has_result, o.rated_unsatisfied, o.reused
  FROM dossier_outcomes o JOIN dossiers d ON d.id = o.dossier_id
  ORDER BY d.key;

-- The control sheet (Form 06): one row per step, with its party, due and result.
CREATE TABLE dossier_step_outcomes_keyed (
  dossier_key  INTEGER NOT NULL REFERENCES dossiers(key),
  idx          INTEGER NOT NULL,
  name_id      INT NOT NULL,           -- outcome_terms.id: the step's name
  party_id     INT NOT NULL,           -- outcome_terms.id: official:<user id>, ...
  started_s    INTEGER NOT NULL,
  ended_s      INTEGER,
  due_s        INTEGER,
  used_s       INTEGER NOT NULL,       -- working seconds, pauses excluded
  result       TEXT NOT NULL DEFAULT '',  -- early | on_time | late, '' while running or no budget
  PRIMARY KEY (dossier_key, idx)
) WITHOUT ROWID;
INSERT INTO dossier_step_outcomes_keyed(dossier_key, idx, name_id, party_id, started_s, ended_s,
                                        due_s, used_s, result)
  SELECT d.key, s.idx, (SELECT t.id FROM outcome_terms t WHERE t.term = s.name),
    (SELECT t.id FROM outcome_terms t WHERE t.term = s.party), s.started_s, s.ended_s, s.due_s,
    s.used_s, s.result
  FROM dossier_step_outcomes s JOIN dossiers d ON d.id = s.dossier_id
  ORDER BY d.key, s.idx;

-- The working time each party used on a dossier.
CREATE TABLE dossier_party_time_keyed (
  dossier_key  INTEGER NOT NULL REFERENCES dossiers(key),
  party_id     INT NOT NULL,           -- outcome_terms.id
  seconds      INTEGER NOT NULL,
  PRIMARY KEY (dossier_key, party_id)
) WITHOUT ROWID;
INSERT INTO dossier_party_time_keyed(dossier_key, party_id, seconds)
  SELECT d.key, (SELECT t.id FROM outcome_terms t WHERE t.term = p.party), p.seconds
  FROM dossier_party_time p JOIN dossiers d ON d.id = p.dossier_id
  ORDER BY d.key;

DROP TABLE dossier_party_time;
DROP TABLE dossier_step_outcomes;
DROP TABLE dossier_outcomes;
ALTER TABLE dossier_outcomes_keyed RENAME TO dossier_outcomes;
ALTER TABLE dossier_step_outcomes_keyed RENAME TO dossier_step_outcomes;
ALTER TABLE dossier_party_time_keyed RENAME TO dossier_party_time;

-- The indexes of migrations 0006, 0042, 0052 and 0054, on the new table (its rows are addressed
-- by key: each entry ends with the key instead of a row number, of the same size).
CREATE INDEX dossier_outcomes_month ON dossier_outcomes(received_month, agency_id);
CREATE INDEX dossier_outcomes_procedure ON dossier_outcomes(procedure_code, received_month);
CREATE INDEX dossier_outcomes_agency ON dossier_outcomes(agency_id, received_month);
CREATE INDEX dossier_outcomes_received ON dossier_outcomes(agency_id, received_s);
CREATE INDEX dossier_outcomes_finished ON dossier_outcomes(agency_id, finished_s);
CREATE INDEX dossier_outcomes_open ON dossier_outcomes(received_month, agency_id)
  WHERE outcome = 'open';
-- The first dossier with a result of a procedure: ties on the second go to the older dossier.
CREATE INDEX dossier_outcomes_results
  ON dossier_outcomes(procedure_code, received_month, received_s, dossier_key)
  WHERE has_result = 1;
CREATE INDEX dossier_outcomes_open_766
  ON dossier_outcomes(received_month, agency_id, procedure_code, overdue_from_s, rated_unsatisfied,
                      outcome)
  WHERE outcome = 'open';
