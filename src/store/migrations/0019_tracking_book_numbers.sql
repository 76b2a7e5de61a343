-- The tracking book's numbers (sổ theo dõi hồ sơ, Circular 01/2018 form 07; printed on the receipt
-- slip, form 01, as "Quyển số / Số thứ tự"). Each one-stop unit keeps one book a year: at receipt
-- a dossier takes the next line of its unit's book for the year, in the receipt's own write
-- transaction, so a line is never reused and the lines of a unit and year have no gap.
-- The counter row per (unit, year) is bumped with INSERT ... ON CONFLICT DO UPDATE ... RETURNING:
-- one statement, row-locked on PostgreSQL, inside the write transaction that already holds the
-- chain lock, so concurrent intakes get distinct, consecutive lines.
CREATE TABLE tracking_book_counters (
  book_key   TEXT NOT NULL,    -- the receiving one-stop unit's id ("agency:<id>" without a unit)
  year       INTEGER NOT NULL, -- the local year of receipt
  volume     INTEGER NOT NULL, -- "Quyển số": one volume a year for now [M]
  last_line  INTEGER NOT NULL, -- the last "Số thứ tự" given
  PRIMARY KEY (book_key, year)
);

-- The line each received dossier took, and the number of sets (bộ hồ sơ) handed in at the counter.
CREATE TABLE tracking_book_entries (
  dossier_id  TEXT PRIMARY KEY REFERENCES dossiers(id),
  book_key    TEXT NOT NULL,
  year        INTEGER NOT NULL,
  volume      INTEGER NOT NULL,
  line        INTEGER NOT NULL,
  sets        INTEGER NOT NULL DEFAULT 1,
  UNIQUE (book_key, year, volume, line)
);
