-- A stamp of the published catalog (issue 17 point 3, "cached catalog reads"): the typo-forgiving
-- procedure search keeps the newest names in memory (app/queries/procedure_name_index.hpp) and
-- rebuilds them only when this stamp differs from the one they were read under. Every change of
-- `procedure_search` (which triggers on `procedures` keep in step with every catalog write) writes
-- a new random stamp in the same transaction, so a reader that sees the same stamp sees the same
-- names, on this server and on every server of the same database. The stamp is random, never a
-- counter, so two databases never share one unless their names are the same copy.
CREATE TABLE catalog_stamp (
  id     INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
  stamp  TEXT NOT NULL
);

-- @sqlite
INSERT INTO catalog_stamp(id, stamp) VALUES (1, lower(hex(randomblob(16))));
CREATE TRIGGER procedure_search_stamp_insert AFTER INSERT ON procedure_search
BEGIN
  INSERT OR REPLACE INTO catalog_stamp(id, stamp) VALUES (1, lower(hex(randomblob(16))));
END;
CREATE TRIGGER procedure_search_stamp_update AFTER UPDATE ON procedure_search
BEGIN
  INSERT OR REPLACE INTO catalog_stamp(id, stamp) VALUES (1, lower(hex(randomblob(16))));
END;
CREATE TRIGGER procedure_search_stamp_delete AFTER DELETE ON procedure_search
BEGIN
  INSERT OR REPLACE INTO catalog_stamp(id, stamp) VALUES (1, lower(hex(randomblob(16))));
END;
-- @end
-- @postgres
INSERT INTO catalog_stamp(id, stamp) VALUES (1, replace(gen_random_uuid()::text, '-', ''));
CREATE FUNCTION catalog_stamp_renew() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO catalog_stamp(id, stamp) VALUES (1, replace(gen_random_uuid()::text, '-', ''))
    ON CONFLICT (id) DO UPDATE SET stamp = excluded.stamp;
  RETURN NULL;
END $$;
-- Once per statement: a catalog import that writes thousands of rows renews it once per row it
-- writes on SQLite, which has no statement triggers, and once per statement here.
CREATE TRIGGER procedure_search_stamp
  AFTER INSERT OR UPDATE OR DELETE ON procedure_search
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_stamp_renew();
-- @end
