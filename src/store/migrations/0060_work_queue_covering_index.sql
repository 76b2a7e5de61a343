-- The work queue (store/dossier_repository.cpp list_conditions) picks a page of a unit's open
-- dossiers by due time, then creation. With created_at in the index the choice is made from index
-- entries alone (on SQLite the rowid is in every entry), and only the page's rows are read: at
-- 500,000 dossiers a commune had ~5,500 open, each row read to sort them (20 ms a request).
-- Plain portable DDL: the same text runs on SQLite and PostgreSQL.
DROP INDEX dossiers_queue;
CREATE INDEX dossiers_queue ON dossiers(agency_id, status, due_s, created_at);
