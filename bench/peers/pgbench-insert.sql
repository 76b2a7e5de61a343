-- pgbench's one-row insert (bench/peers/pgbench-ceiling): one INSERT per transaction, a row the
-- size of bench/sqlite_ceiling.cpp's (a time and a 200-byte payload).
INSERT INTO rows(at, payload) VALUES (now()::text, repeat('x', 200));
