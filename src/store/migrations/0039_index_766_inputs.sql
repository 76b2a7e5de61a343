-- Inputs of the Decision 766 index that MotCua cannot know (docs/rules.md, "Decision 766 index"):
-- per procedure, the day the province announced it, the day its legal basis takes effect, the day
-- it was entered in the national procedure database, and whether its result is issued as an
-- electronic document. Administrators record each value with its source; the audit log keeps who
-- changed it, when and why. A missing row is a missing input, never a guess.
-- Plain portable DDL: the same text runs on SQLite and PostgreSQL.
--   input_key  decision_published_on | legal_basis_effective_on | entered_database_on
--              | electronic_result
--   value      YYYY-MM-DD for the dates, yes | no for electronic_result
CREATE TABLE index_766_inputs (
  procedure_code  TEXT NOT NULL,
  input_key       TEXT NOT NULL,
  value           TEXT NOT NULL,
  source          TEXT NOT NULL,
  recorded_by     TEXT NOT NULL,
  recorded_at     TEXT NOT NULL,
  PRIMARY KEY (procedure_code, input_key)
);
