-- Compact event rows (issue 17; docs/performance.md "Storage per dossier (issue 17)",
-- docs/architecture.md "The event log's encoding"). Per event, the four bounded text columns
-- (type, role, from_status, to_status: tens of distinct values in a province) become ids into a
-- small vocabulary, and the time becomes epoch seconds when it is written in the one form the
-- server writes ("YYYY-MM-DDTHH:MM:SS+07:00"): about 60 bytes less per event. actor_id stays text:
-- citizens are actors, without bound.
--
-- The chain is unchanged: event_hash() still covers the texts, which store/event_log.cpp decodes
-- back byte for byte (a time in any other form is kept as its text in the nullable `at`, the
-- seconds then NULL). The columns are renamed (type_id, at_s, ...) so that a reader still
-- comparing them with text fails loudly instead of finding nothing.

-- The vocabulary: an id is never reused nor rewritten (rows are only added, in the transaction of
-- the event that first uses the term), so a connection may cache it (store/event_log.cpp).
CREATE TABLE event_terms (
  id    INTEGER PRIMARY KEY,
  term  TEXT NOT NULL UNIQUE
);
INSERT INTO event_terms(term)
  SELECT t FROM (SELECT type AS t FROM dossier_events UNION SELECT role FROM dossier_events
                 UNION SELECT from_status FROM dossier_events
                 UNION SELECT to_status FROM dossier_events) u
  ORDER BY t;

-- @sqlite
-- SQLite cannot change a column's type: the table is rebuilt (create, copy, drop, rename), seq
-- and hashes copied as they are. The copy is one INSERT ... SELECT in seq order; the index and
-- the triggers of the old table went with it and are created again below. The time is canonical
-- when it has the form and its epoch seconds give the same text back (strftime reads a 30
-- February or a 24:00 as the day after: not canonical, kept as text). The ids are declared INT
-- (INTEGER affinity), as they are 32-bit int on PostgreSQL: tens of terms.
CREATE TABLE dossier_events_compact (
  seq             INTEGER PRIMARY KEY,     -- global order, no gaps
  dossier_id      TEXT NOT NULL REFERENCES dossiers(id),
  type_id         INT NOT NULL,            -- event_terms.id
  actor_id        TEXT NOT NULL,
  role_id         INT NOT NULL,            -- event_terms.id
  at              TEXT,                    -- the time as written when it is not canonical
  reason          TEXT NOT NULL DEFAULT '',
  from_status_id  INT NOT NULL,            -- event_terms.id
  to_status_id    INT NOT NULL,            -- event_terms.id
  payload         TEXT NOT NULL,
  hash            TEXT NOT NULL,           -- 32 bytes (migration 0058)
  -- Last, where PostgreSQL's ADD COLUMN puts it (the two engines' columns in one order).
  at_s            INTEGER                  -- epoch seconds of a canonical +07:00 time, else NULL
);
INSERT INTO dossier_events_compact(seq, dossier_id, type_id, actor_id, role_id, at, reason,
                                   from_status_id, to_status_id, payload, hash, at_s)
  SELECT seq, dossier_id, (SELECT id FROM event_terms WHERE term = e.type), actor_id,
    (SELECT id FROM event_terms WHERE term = e.role), CASE WHEN canonical THEN NULL ELSE e.at END,
    reason, (SELECT id FROM event_terms WHERE term = e.from_status),
    (SELECT id FROM event_terms WHERE term = e.to_status), payload, hash,
    CASE WHEN canonical THEN CAST(strftime('%s', substr(e.at, 1, 19)) AS INTEGER) - 25200 END
  FROM (SELECT *, at GLOB
          '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]+07:00'
          AND strftime('%Y-%m-%dT%H:%M:%S', strftime('%s', substr(at, 1, 19)), 'unixepoch')
              = substr(at, 1, 19) AS canonical
        FROM dossier_events) e
  ORDER BY seq;
DROP TABLE dossier_events;
ALTER TABLE dossier_events_compact RENAME TO dossier_events;
CREATE INDEX dossier_events_dossier ON dossier_events(dossier_id, seq);
CREATE TRIGGER dossier_events_no_update BEFORE UPDATE ON dossier_events
BEGIN SELECT RAISE(ABORT, 'dossier_events is append-only'); END;
CREATE TRIGGER dossier_events_no_delete BEFORE DELETE ON dossier_events
BEGIN SELECT RAISE(ABORT, 'dossier_events is append-only'); END;
-- Migration 0054's trigger, by id: the two terms' ids are looked up in the vocabulary.
CREATE TRIGGER events_mark_outcome_fact AFTER INSERT ON dossier_events
  WHEN NEW.type_id IN (SELECT id FROM event_terms
                       WHERE term IN ('payment_requested', 'dossier_approved'))
BEGIN
  INSERT OR IGNORE INTO dossier_outcomes_dirty(dossier_id) VALUES (NEW.dossier_id);
END;
-- @end

-- @postgres
-- One ALTER TABLE, one rewrite of the table (row triggers do not fire on a rewrite). A USING
-- expression may not hold a subquery but may call a function: the two below serve this migration
-- only and are dropped at its end. Every USING reads the row as it was, so at_s is computed from
-- the old `at` while `at` itself keeps only the non-canonical texts.
CREATE FUNCTION motcua_0062_term(t text) RETURNS int LANGUAGE sql STABLE AS $$
  SELECT id::int FROM event_terms WHERE term = t
$$;
-- The canonical time's epoch seconds, NULL for any other text (including what the cast refuses).
CREATE FUNCTION motcua_0062_at_s(t text) RETURNS bigint LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  local_time timestamp;
BEGIN
  IF t !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\+07:00$' THEN
    RETURN NULL;
  END IF;
  local_time := substr(t, 1, 19)::timestamp;
  IF to_char(local_time, 'YYYY-MM-DD"T"HH24:MI:SS') <> substr(t, 1, 19) THEN
    RETURN NULL;
  END IF;
  RETURN extract(epoch FROM local_time)::bigint - 25200;
EXCEPTION WHEN others THEN
  RETURN NULL;
END $$;
-- The trigger's WHEN names the column whose type changes, which PostgreSQL refuses: it is
-- dropped here and created again below, its test moved into its function (a trigger's WHEN
-- cannot hold a subquery on PostgreSQL).
DROP TRIGGER events_mark_outcome_fact ON dossier_events;
ALTER TABLE dossier_events ADD COLUMN at_s bigint;
ALTER TABLE dossier_events
  ALTER COLUMN type TYPE int USING motcua_0062_term(type),
  ALTER COLUMN role TYPE int USING motcua_0062_term(role),
  ALTER COLUMN from_status TYPE int USING motcua_0062_term(from_status),
  ALTER COLUMN to_status TYPE int USING motcua_0062_term(to_status),
  ALTER COLUMN at_s TYPE bigint USING motcua_0062_at_s(at),
  ALTER COLUMN at DROP NOT NULL,
  ALTER COLUMN at TYPE text USING CASE WHEN motcua_0062_at_s(at) IS NULL THEN at END;
ALTER TABLE dossier_events RENAME COLUMN type TO type_id;
ALTER TABLE dossier_events RENAME COLUMN role TO role_id;
ALTER TABLE dossier_events RENAME COLUMN from_status TO from_status_id;
ALTER TABLE dossier_events RENAME COLUMN to_status TO to_status_id;
DROP FUNCTION motcua_0062_term(text);
DROP FUNCTION motcua_0062_at_s(text);
CREATE FUNCTION event_fact_mark_outcome() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM event_terms WHERE id = NEW.type_id
             AND term IN ('payment_requested', 'dossier_approved')) THEN
    INSERT INTO dossier_outcomes_dirty(dossier_id) VALUES (NEW.dossier_id) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER events_mark_outcome_fact AFTER INSERT ON dossier_events
  FOR EACH ROW EXECUTE FUNCTION event_fact_mark_outcome();
-- @end
