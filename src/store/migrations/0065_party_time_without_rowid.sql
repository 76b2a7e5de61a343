-- The statistics read model's time per party (migration 0006) as a table clustered on its
-- primary key (issue 17, docs/performance.md "Storage per dossier"): on SQLite a rowid table
-- whose primary key spans every column but one kept each row twice, in the table and in the
-- primary key's index (123 + 123 bytes a dossier of the REST workload). A table clustered on its
-- key keeps it once, in key order, which is also the only order it is read in (by dossier, or all
-- of it for the sums). Nothing else refers to the table.
--
-- @sqlite
CREATE TABLE dossier_party_time_clustered (
  dossier_id  TEXT NOT NULL REFERENCES dossiers(id),
  party       TEXT NOT NULL,
  seconds     INTEGER NOT NULL,
  PRIMARY KEY (dossier_id, party)
) WITHOUT ROWID;
INSERT INTO dossier_party_time_clustered(dossier_id, party, seconds)
  SELECT dossier_id, party, seconds FROM dossier_party_time;
DROP TABLE dossier_party_time;
ALTER TABLE dossier_party_time_clustered RENAME TO dossier_party_time;
-- @end
-- PostgreSQL: nothing to do. Its tables are heaps with the primary key in a separate index in
-- any case; there is no clustered form to choose.
