-- Dossiers whose statistics rows (migration 0006) need rebuilding. The database marks them itself
-- on every new dossier and every change of a dossier's version, so no writer can forget, and a
-- statistics request reads this short list instead of comparing every dossier's version with its
-- outcome row (a scan of the whole `dossiers` table: ~0.25 s at 50,000 dossiers, bench/
-- statistics_bench.cpp). The refresh clears a mark in the same transaction that rebuilds the rows.
CREATE TABLE dossier_outcomes_dirty (
  dossier_id  TEXT PRIMARY KEY
) WITHOUT ROWID;

-- Whatever is stale now, by the old comparison.
INSERT INTO dossier_outcomes_dirty(dossier_id)
  SELECT d.id FROM dossiers d LEFT JOIN dossier_outcomes o ON o.dossier_id = d.id
  WHERE d.received_at IS NOT NULL AND (o.dossier_id IS NULL OR o.version <> d.version);

-- @sqlite
CREATE TRIGGER dossiers_mark_outcome_new AFTER INSERT ON dossiers
BEGIN
  INSERT OR IGNORE INTO dossier_outcomes_dirty(dossier_id) VALUES (NEW.id);
END;

CREATE TRIGGER dossiers_mark_outcome_changed AFTER UPDATE OF version ON dossiers
  WHEN NEW.version <> OLD.version
BEGIN
  INSERT OR IGNORE INTO dossier_outcomes_dirty(dossier_id) VALUES (NEW.id);
END;
-- @end
-- @postgres
CREATE FUNCTION dossiers_mark_outcome() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dossier_outcomes_dirty(dossier_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER dossiers_mark_outcome_new AFTER INSERT ON dossiers
  FOR EACH ROW EXECUTE FUNCTION dossiers_mark_outcome();
CREATE TRIGGER dossiers_mark_outcome_changed AFTER UPDATE OF version ON dossiers
  FOR EACH ROW WHEN (NEW.version <> OLD.version) EXECUTE FUNCTION dossiers_mark_outcome();
-- @end

-- A leader's figures are per agency: seek by agency, then month (bench: the month index alone
-- reads every agency's rows for the months asked).
CREATE INDEX dossier_outcomes_agency ON dossier_outcomes(agency_id, received_month);
