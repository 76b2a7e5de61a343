-- Login throttling by progressive delays instead of hard lockouts (issue 18 point 4,
-- docs/security.md "Login throttling"): the wait grows from the LAST failure, so the row keeps
-- its time. Existing rows take their window's start, which only shortens a wait in progress.
-- Plain portable DDL: the same text runs on SQLite and PostgreSQL.
ALTER TABLE login_failures ADD COLUMN last_failure INTEGER NOT NULL DEFAULT 0;
UPDATE login_failures SET last_failure = window_start;
