-- Facts about the installation itself, one named value per row. Plain portable DDL: the same text
-- runs on SQLite and PostgreSQL.
--
-- 'database_origin' = 'demo' marks a database built by `motcua demo` (or seeded by the tests):
-- only such a database may be served with a frozen clock (`motcua serve --fake-now`), so a real
-- installation can never run with a false date by mistake.
CREATE TABLE installation_settings (
  name   TEXT PRIMARY KEY,
  value  TEXT NOT NULL
);
