-- Dossier times as epoch seconds (issue 17; docs/performance.md "Storage per dossier (issue 17)").
-- submitted_at, received_at, finished_at, created_at and updated_at were 25-character texts
-- ("2026-12-07T08:00:00+07:00"), 125 bytes a row plus created_at again in dossiers_queue. Each
-- becomes two columns, as the event time did in 0062 (store/dossier_times.hpp):
--   <name>_s     epoch seconds of any "YYYY-MM-DDTHH:MM:SS" time with "Z" or a "+HH:MM"/"-HH:MM"
--                offset of at most 14:59 (SQLite's limit); NULL for NULL or any other text.
--   <name>_text  the text as written when it is not the canonical "+07:00" text of those seconds
--                (an import with another offset, "Z", 'now' written by a test); else NULL.
-- Reading gives back the text byte for byte; ranges and ORDER BY use the seconds, which sort as
-- the canonical texts did. The old names are gone, so a reader still comparing texts fails
-- loudly. The same steps on both engines: add the columns, fill them, drop the texts, rebuild the
-- work-queue index (migration 0060) on created_s.
-- INTEGER is bigint on PostgreSQL (store/migrations.cpp maps it).
ALTER TABLE dossiers ADD COLUMN submitted_s INTEGER;
ALTER TABLE dossiers ADD COLUMN submitted_text TEXT;
ALTER TABLE dossiers ADD COLUMN received_s INTEGER;
ALTER TABLE dossiers ADD COLUMN received_text TEXT;
ALTER TABLE dossiers ADD COLUMN finished_s INTEGER;
ALTER TABLE dossiers ADD COLUMN finished_text TEXT;
ALTER TABLE dossiers ADD COLUMN created_s INTEGER;
ALTER TABLE dossiers ADD COLUMN created_text TEXT;
ALTER TABLE dossiers ADD COLUMN updated_s INTEGER;
ALTER TABLE dossiers ADD COLUMN updated_text TEXT;

-- @sqlite
-- Temporary tables give each time's seconds once; strftime applies the offset. The local part
-- must give itself back through its epoch seconds (strftime reads a 30 February or a 24:00 as
-- the next day, and formats them as written unless they go through the seconds: text only).
CREATE TEMP TABLE motcua_0068 AS
  SELECT rowid AS r, submitted_at AS t, 'submitted' AS k FROM dossiers
  UNION ALL SELECT rowid, received_at, 'received' FROM dossiers
  UNION ALL SELECT rowid, finished_at, 'finished' FROM dossiers
  UNION ALL SELECT rowid, created_at, 'created' FROM dossiers
  UNION ALL SELECT rowid, updated_at, 'updated' FROM dossiers;
CREATE TEMP TABLE motcua_0068_s AS
  SELECT r, k, t, CASE WHEN (t GLOB
      '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'
      OR (t GLOB
      '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9][-+][0-9][0-9]:[0-9][0-9]'
      AND substr(t, 21, 2) <= '14' AND substr(t, 24, 2) <= '59'))
      AND strftime('%Y-%m-%dT%H:%M:%S', strftime('%s', substr(t, 1, 19)), 'unixepoch')
          = substr(t, 1, 19)
    THEN CAST(strftime('%s', t) AS INTEGER) END AS s
  FROM motcua_0068;
CREATE INDEX temp.motcua_0068_key ON motcua_0068_s(r, k);
UPDATE dossiers SET
  submitted_s = (SELECT s FROM motcua_0068_s WHERE r = dossiers.rowid AND k = 'submitted'),
  received_s = (SELECT s FROM motcua_0068_s WHERE r = dossiers.rowid AND k = 'received'),
  finished_s = (SELECT s FROM motcua_0068_s WHERE r = dossiers.rowid AND k = 'finished'),
  created_s = (SELECT s FROM motcua_0068_s WHERE r = dossiers.rowid AND k = 'created'),
  updated_s = (SELECT s FROM motcua_0068_s WHERE r = dossiers.rowid AND k = 'updated');
-- Canonical: seconds found and the text ends in +07:00 (its local part gave itself back).
UPDATE dossiers SET
  submitted_text = CASE WHEN submitted_s IS NULL OR substr(submitted_at, 20) <> '+07:00'
                   THEN submitted_at END,
  received_text = CASE WHEN received_s IS NULL OR substr(received_at, 20) <> '+07:00'
                  THEN received_at END,
  finished_text = CASE WHEN finished_s IS NULL OR substr(finished_at, 20) <> '+07:00'
                  THEN finished_at END,
  created_text = CASE WHEN created_s IS NULL OR substr(created_at, 20) <> '+07:00'
                 THEN created_at END,
  updated_text = CASE WHEN updated_s IS NULL OR substr(updated_at, 20) <> '+07:00'
                 THEN updated_at END;
DROP TABLE temp.motcua_0068_s;
DROP TABLE temp.motcua_0068;
DROP INDEX dossiers_queue;
ALTER TABLE dossiers DROP COLUMN submitted_at;
ALTER TABLE dossiers DROP COLUMN received_at;
ALTER TABLE dossiers DROP COLUMN finished_at;
ALTER TABLE dossiers DROP COLUMN created_at;
ALTER TABLE dossiers DROP COLUMN updated_at;
-- @end

-- @postgres
-- The seconds of a time as SQLite's steps above read it, NULL for any other text (including what
-- the casts refuse, such as year 0). Serves this migration only.
CREATE FUNCTION motcua_0068_s(t text) RETURNS bigint LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF t !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(Z|[-+](0[0-9]|1[0-4]):[0-5][0-9])$'
  THEN
    RETURN NULL;
  END IF;
  IF to_char(substr(t, 1, 19)::timestamp, 'YYYY-MM-DD"T"HH24:MI:SS') <> substr(t, 1, 19) THEN
    RETURN NULL;
  END IF;
  RETURN extract(epoch FROM t::timestamptz)::bigint;
EXCEPTION WHEN others THEN
  RETURN NULL;
END $$;
CREATE FUNCTION motcua_0068_text(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN motcua_0068_s(t) IS NULL OR substr(t, 20) <> '+07:00' THEN t END
$$;
-- One rewrite computes every new column from the old texts (each USING reads the row as it was).
ALTER TABLE dossiers
  ALTER COLUMN submitted_s TYPE bigint USING motcua_0068_s(submitted_at),
  ALTER COLUMN submitted_text TYPE text USING motcua_0068_text(submitted_at),
  ALTER COLUMN received_s TYPE bigint USING motcua_0068_s(received_at),
  ALTER COLUMN received_text TYPE text USING motcua_0068_text(received_at),
  ALTER COLUMN finished_s TYPE bigint USING motcua_0068_s(finished_at),
  ALTER COLUMN finished_text TYPE text USING motcua_0068_text(finished_at),
  ALTER COLUMN created_s TYPE bigint USING motcua_0068_s(created_at),
  ALTER COLUMN created_text TYPE text USING motcua_0068_text(created_at),
  ALTER COLUMN updated_s TYPE bigint USING motcua_0068_s(updated_at),
  ALTER COLUMN updated_text TYPE text USING motcua_0068_text(updated_at);
DROP FUNCTION motcua_0068_text(text);
DROP FUNCTION motcua_0068_s(text);
DROP INDEX dossiers_queue;
-- A second rewrite (USING an expression, not the column itself) clears the dropped texts out of
-- every row instead of leaving them until each row is next updated.
ALTER TABLE dossiers
  DROP COLUMN submitted_at,
  DROP COLUMN received_at,
  DROP COLUMN finished_at,
  DROP COLUMN created_at,
  DROP COLUMN updated_at,
  ALTER COLUMN submitted_s TYPE bigint USING submitted_s + 0;
-- @end

CREATE INDEX dossiers_queue ON dossiers(agency_id, status, due_s, created_s);
