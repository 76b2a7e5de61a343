-- The cause of lateness of a dossier that finished late (domain/clock/lateness_cause.hpp, docs/
-- rules.md section 22): agency | official | other_agency | applicant, '' when not late. Open
-- overdue dossiers get theirs at the time of the query, since it changes while they stay open.
ALTER TABLE dossier_outcomes ADD COLUMN late_cause TEXT NOT NULL DEFAULT '';

-- The periodic report counts by instants (received, finished) rather than months of receipt.
CREATE INDEX dossier_outcomes_received ON dossier_outcomes(agency_id, received_s);
CREATE INDEX dossier_outcomes_finished ON dossier_outcomes(agency_id, finished_s);

-- Every row computed before the column existed is rebuilt by the next statistics request (those
-- already marked stay marked once).
INSERT INTO dossier_outcomes_dirty(dossier_id)
  SELECT o.dossier_id FROM dossier_outcomes o
  WHERE NOT EXISTS (SELECT 1 FROM dossier_outcomes_dirty d WHERE d.dossier_id = o.dossier_id);
