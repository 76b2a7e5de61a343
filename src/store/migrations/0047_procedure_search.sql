-- Procedure search by an index (issue 17 point 3, docs/performance.md "Procedure search (issue 17)").
-- The search box used to scan every row of `procedures` (each with its ~4.4 KB JSON document,
-- and a MAX(version) subquery per row) for every request. `procedure_search` holds the newest
-- version of each procedure with only the columns the answer lists, and an index over its folded
-- name (store/catalog_repository.cpp): FTS5 with the trigram tokenizer on SQLite, pg_trgm (GIN) on
-- PostgreSQL; both find a folded word anywhere inside the folded name, as LIKE '%word%' did.
-- Triggers on `procedures` keep it in step, so every path that writes a procedure (catalog imports,
-- document upgrades, fixtures) updates it without knowing it exists.
CREATE TABLE procedure_search (
  code            TEXT NOT NULL PRIMARY KEY,
  version         INTEGER NOT NULL,
  name            TEXT NOT NULL,
  name_folded     TEXT NOT NULL,
  field           TEXT NOT NULL DEFAULT '',
  level           TEXT NOT NULL DEFAULT '',
  effective_from  TEXT NOT NULL,
  name_length     INTEGER NOT NULL   -- the answer's order: shortest names first
);
-- An empty query lists every procedure in this order: read from the index, not sorted.
CREATE INDEX procedure_search_order ON procedure_search(name_length, code);

INSERT INTO procedure_search(code, version, name, name_folded, field, level, effective_from,
                             name_length)
  SELECT p.code, p.version, p.name, p.name_folded, p.field, p.level, p.effective_from,
         length(p.name)
  FROM procedures p WHERE p.version = (SELECT MAX(version) FROM procedures WHERE code = p.code);

-- @sqlite
-- The folded names by trigram, keyed by procedure_search's rowid. Words shorter than three letters
-- have no trigram: the query checks them with LIKE on procedure_search instead.
CREATE VIRTUAL TABLE procedure_search_text USING fts5(name_folded, tokenize = 'trigram');
INSERT INTO procedure_search_text(rowid, name_folded)
  SELECT rowid, name_folded FROM procedure_search;
-- A code prefix ("1.0011") is matched with LIKE, which ignores case: only a NOCASE index serves it.
CREATE INDEX procedure_search_code_prefix ON procedure_search(code COLLATE NOCASE);

-- Each trigger rebuilds the rows of the procedure it touched from its newest version.
CREATE TRIGGER procedures_search_insert AFTER INSERT ON procedures
BEGIN
  DELETE FROM procedure_search_text
    WHERE rowid IN (SELECT rowid FROM procedure_search WHERE code = NEW.code);
  DELETE FROM procedure_search WHERE code = NEW.code;
  INSERT INTO procedure_search(code, version, name, name_folded, field, level, effective_from,
                               name_length)
    SELECT code, version, name, name_folded, field, level, effective_from, length(name)
    FROM procedures WHERE code = NEW.code ORDER BY version DESC LIMIT 1;
  INSERT INTO procedure_search_text(rowid, name_folded)
    SELECT rowid, name_folded FROM procedure_search WHERE code = NEW.code;
END;

CREATE TRIGGER procedures_search_update
  AFTER UPDATE OF code, version, name, name_folded, field, level, effective_from ON procedures
BEGIN
  DELETE FROM procedure_search_text
    WHERE rowid IN (SELECT rowid FROM procedure_search WHERE code IN (OLD.code, NEW.code));
  DELETE FROM procedure_search WHERE code IN (OLD.code, NEW.code);
  INSERT INTO procedure_search(code, version, name, name_folded, field, level, effective_from,
                               name_length)
    SELECT p.code, p.version, p.name, p.name_folded, p.field, p.level, p.effective_from,
           length(p.name)
    FROM procedures p WHERE p.code IN (OLD.code, NEW.code)
      AND p.version = (SELECT MAX(version) FROM procedures WHERE code = p.code);
  INSERT INTO procedure_search_text(rowid, name_folded)
    SELECT rowid, name_folded FROM procedure_search WHERE code IN (OLD.code, NEW.code);
END;

CREATE TRIGGER procedures_search_delete AFTER DELETE ON procedures
BEGIN
  DELETE FROM procedure_search_text
    WHERE rowid IN (SELECT rowid FROM procedure_search WHERE code = OLD.code);
  DELETE FROM procedure_search WHERE code = OLD.code;
  INSERT INTO procedure_search(code, version, name, name_folded, field, level, effective_from,
                               name_length)
    SELECT code, version, name, name_folded, field, level, effective_from, length(name)
    FROM procedures WHERE code = OLD.code ORDER BY version DESC LIMIT 1;
  INSERT INTO procedure_search_text(rowid, name_folded)
    SELECT rowid, name_folded FROM procedure_search WHERE code = OLD.code;
END;
-- @end
-- @postgres
-- pg_trgm ships with Debian's postgresql-15 and is a trusted extension: the database owner may
-- create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX procedure_search_trigrams ON procedure_search USING gin (name_folded gin_trgm_ops);
-- LIKE 'prefix%' on the code (case-sensitive here, as before) under any database collation.
CREATE INDEX procedure_search_code_prefix ON procedure_search(code text_pattern_ops);

CREATE FUNCTION procedure_search_refresh(procedure_code TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM procedure_search WHERE code = procedure_code;
  INSERT INTO procedure_search(code, version, name, name_folded, field, level, effective_from,
                               name_length)
    SELECT p.code, p.version, p.name, p.name_folded, p.field, p.level, p.effective_from,
           length(p.name)
    FROM procedures p WHERE p.code = procedure_code ORDER BY p.version DESC LIMIT 1;
END $$;
CREATE FUNCTION procedures_search_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM procedure_search_refresh(OLD.code); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM procedure_search_refresh(NEW.code); END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER procedures_search_follow
  AFTER INSERT OR DELETE OR UPDATE OF code, version, name, name_folded, field, level,
  effective_from ON procedures
  FOR EACH ROW EXECUTE FUNCTION procedures_search_follow();
-- @end
