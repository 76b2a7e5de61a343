-- Local details of a procedure that the national catalog lacks or that a province sets itself: the
-- time limit per channel (the catalog often gives a bare number) and the deadline rule. They
-- override the imported document without touching it, so a re-import never loses them.
CREATE TABLE procedure_local_terms (
  code        TEXT PRIMARY KEY,
  limits      TEXT NOT NULL,            -- JSON object: {"counter": "1 working-days", ...}
  rule        TEXT NOT NULL DEFAULT '', -- standard | civil-code; empty: the catalog's
  note        TEXT NOT NULL DEFAULT '', -- why, with its source
  updated_by  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
