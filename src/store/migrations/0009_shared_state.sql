-- State that several `motcua serve` processes on one database must share (docs/architecture.md,
-- "Several servers"). Plain portable DDL: the same text runs on SQLite and PostgreSQL.

-- Recent login failures per key, one counting window per row: `scope` is 'user' (the username) or
-- 'address' (the client address). A login reads the row before checking the password; a failure
-- counts up (or starts a new window), a success deletes the username's row. Rows of windows that
-- ended are purged on the next failure, so the table holds at most one window's worth of keys.
CREATE TABLE login_failures (
  scope         TEXT NOT NULL,
  subject       TEXT NOT NULL,
  window_start  INTEGER NOT NULL,  -- Unix seconds of the window's first failure
  failures      INTEGER NOT NULL,
  PRIMARY KEY (scope, subject)
);
CREATE INDEX login_failures_window ON login_failures(scope, window_start);

-- Outbox rows claimed by a delivery worker: nobody else takes a row until its lease ends, so a
-- worker that dies mid-delivery only delays its rows by one lease.
ALTER TABLE outbox ADD COLUMN claimed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN lease_until INTEGER NOT NULL DEFAULT 0;
