-- The tracking book's lines by the dossier's integer key (issue 17, docs/performance.md "Storage
-- per dossier"): the row named its dossier by the 26-character id, kept twice, in the row and in
-- its primary key's index (90 of its 115 bytes a dossier). Keyed by dossiers.key (migration 0063),
-- on SQLite the rowid itself, the line is one row and one entry of the unique index on
-- (book, year, volume, line). A key is never rewritten, so the book keeps pointing at its dossier.
-- The lines are copied as they are: the book is a record (sổ theo dõi hồ sơ, Circular 01/2018
-- form 07, migration 0019), none is renumbered.
CREATE TABLE tracking_book_entries_keyed (
  dossier_key  INTEGER NOT NULL PRIMARY KEY REFERENCES dossiers(key),
  book_key     TEXT NOT NULL,
  year         INTEGER NOT NULL,
  volume       INTEGER NOT NULL,
  line         INTEGER NOT NULL,
  sets         INTEGER NOT NULL DEFAULT 1,
  UNIQUE (book_key, year, volume, line)
);
INSERT INTO tracking_book_entries_keyed(dossier_key, book_key, year, volume, line, sets)
  SELECT d.key, b.book_key, b.year, b.volume, b.line, b.sets
  FROM tracking_book_entries b JOIN dossiers d ON d.id = b.dossier_id
  ORDER BY d.key;
DROP TABLE tracking_book_entries;
ALTER TABLE tracking_book_entries_keyed RENAME TO tracking_book_entries;
