-- The public scoreboard's satisfaction figure from the monthly rollup (issue 17): per month of
-- receipt, agency and procedure, how many received dossiers were rated and how many of those
-- satisfied (3 to 5 of 5; docs/rules.md section 23). Until now every scoreboard joined every rating
-- of the period to its dossier and outcome row: 0.8-1.4 s at 500,000 dossiers, most of it reading
-- pages (docs/performance.md "Checkpoints off the writer, and latency at fixed rates"). A rating
-- already marks its dossier's outcome row stale (migration 0054); the row now records whether the
-- dossier is rated, and replace_outcome moves both new rollup columns with the row, in the same
-- transaction, as it does every other counter.
-- Plain portable DDL: the same text runs on SQLite and PostgreSQL (UPDATE ... FROM on both).
ALTER TABLE dossier_outcomes ADD COLUMN rated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossier_outcome_months ADD COLUMN rated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossier_outcome_months ADD COLUMN rated_satisfied INTEGER NOT NULL DEFAULT 0;

UPDATE dossier_outcomes SET rated = 1
  WHERE dossier_key IN (SELECT d.key FROM dossier_ratings r JOIN dossiers d ON d.id = r.dossier_id);

-- Satisfied: rated, and not rated 1-2 (rated_unsatisfied); one rating per dossier. The rollup
-- sums what the rows say, so a row still marked stale stays consistent with it until its refresh.
UPDATE dossier_outcome_months SET rated = x.rated, rated_satisfied = x.satisfied
  FROM (SELECT received_month, agency_id, procedure_code, SUM(rated) AS rated,
               SUM(CASE WHEN rated_unsatisfied = 0 THEN 1 ELSE 0 END) AS satisfied
          FROM dossier_outcomes WHERE rated = 1
         GROUP BY received_month, agency_id, procedure_code) AS x
 WHERE dossier_outcome_months.received_month = x.received_month
   AND dossier_outcome_months.agency_id = x.agency_id
   AND dossier_outcome_months.procedure_code = x.procedure_code;
