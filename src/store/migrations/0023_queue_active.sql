-- A service or a counter of the hall's queue can be switched off (a counter closed for good, a
-- service no longer offered at the kiosk) without deleting it: the tickets and the statistics of
-- past days still name it, so its row stays. Switched off: 0; the kiosk, the counter desk and the
-- choice of a counter for a new ticket see only active rows.
-- Plain portable DDL: the same text runs on SQLite and PostgreSQL.
ALTER TABLE queue_services ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
ALTER TABLE queue_counters ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
