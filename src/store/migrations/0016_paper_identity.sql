-- The catalog paper an upload is for (catalog/paper_identity.hpp): uploads name the paper by its
-- id within the dossier's procedure version rather than by its text, whose length the catalog does
-- not bound. Empty for papers uploaded before, and for papers a supplement request names in free
-- text. Plain portable DDL: the same text runs on SQLite and PostgreSQL.
ALTER TABLE papers ADD COLUMN paper_id TEXT NOT NULL DEFAULT '';
