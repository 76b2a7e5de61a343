-- A password set by someone else (an administrator's reset) is known to two people: its holder
-- must replace it at the next login, and until then every API call but the change is refused
-- (403 password_change_required). Plain portable DDL: the same text runs on SQLite and PostgreSQL.
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
