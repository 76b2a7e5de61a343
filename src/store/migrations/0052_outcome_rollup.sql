-- Monthly rollup of the statistics read model (issue 17 point 3): per month of receipt, agency and
-- procedure, the counters the public on-time figures add up (store/statistics_queries.cpp,
-- on_time_counts). Summing these rows reads a few hundred rows per month asked instead of every
-- dossier received in it (79-102 ms at 40,000 dossiers, growing with the history: docs/
-- performance.md "Ten years of history"). `replace_outcome` keeps it in the transaction that
-- replaces a dossier's outcome row (the old row's contribution out, the new one's in), so it can
-- never drift from dossier_outcomes. Whether an open dossier is overdue depends on the time of the
-- query, so only the open count lives here; the overdue ones are counted from the open rows
-- (index below), a small share of any month.
-- Plain portable DDL: the same text runs on SQLite and PostgreSQL.
CREATE TABLE dossier_outcome_months (
  received_month     TEXT NOT NULL,      -- YYYY-MM, local time
  agency_id          TEXT NOT NULL,
  procedure_code     TEXT NOT NULL,
  received           INTEGER NOT NULL,   -- 0 once every dossier moved away: left, never read
  early              INTEGER NOT NULL,
  on_time            INTEGER NOT NULL,
  late               INTEGER NOT NULL,
  open_count         INTEGER NOT NULL,
  open_paused        INTEGER NOT NULL,
  online             INTEGER NOT NULL,
  late_agency        INTEGER NOT NULL,
  late_official      INTEGER NOT NULL,
  late_other_agency  INTEGER NOT NULL,
  late_applicant     INTEGER NOT NULL,
  PRIMARY KEY (received_month, agency_id, procedure_code)
);

-- A leader's figures are per agency: seek by agency, then month.
CREATE INDEX dossier_outcome_months_agency ON dossier_outcome_months(agency_id, received_month);

-- The open dossiers of the months asked, for the overdue split at the time of the query.
CREATE INDEX dossier_outcomes_open ON dossier_outcomes(received_month, agency_id)
  WHERE outcome = 'open';

INSERT INTO dossier_outcome_months(received_month, agency_id, procedure_code, received, early,
    on_time, late, open_count, open_paused, online, late_agency, late_official, late_other_agency,
    late_applicant)
  SELECT received_month, agency_id, procedure_code, COUNT(*),
    SUM(CASE WHEN outcome = 'early' THEN 1 ELSE 0 END),
    SUM(CASE WHEN outcome = 'on_time' THEN 1 ELSE 0 END),
    SUM(CASE WHEN outcome = 'late' THEN 1 ELSE 0 END),
    SUM(CASE WHEN outcome = 'open' THEN 1 ELSE 0 END),
    SUM(CASE WHEN outcome = 'open' AND paused <> '' THEN 1 ELSE 0 END),
    SUM(CASE WHEN channel = 'online' THEN 1 ELSE 0 END),
    SUM(CASE WHEN outcome = 'late' AND late_cause = 'agency' THEN 1 ELSE 0 END),
    SUM(CASE WHEN outcome = 'late' AND late_cause = 'official' THEN 1 ELSE 0 END),
    SUM(CASE WHEN outcome = 'late' AND late_cause = 'other_agency' THEN 1 ELSE 0 END),
    SUM(CASE WHEN outcome = 'late' AND late_cause = 'applicant' THEN 1 ELSE 0 END)
  FROM dossier_outcomes
  GROUP BY received_month, agency_id, procedure_code;
