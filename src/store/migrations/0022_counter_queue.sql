-- The counter queue of the one-stop hall (tiếp nhận tại chỗ): services (a group of procedures or a
-- field a one-stop unit serves at its counters), counters (quầy số N, serving some services), and
-- tickets taken at the kiosk or by the reception officer, numbered per one-stop unit and day, never
-- reused.
-- Plain portable DDL: the same text runs on SQLite and PostgreSQL.
CREATE TABLE queue_services (
  id          TEXT PRIMARY KEY,
  unit_id     TEXT NOT NULL REFERENCES one_stop_units(id),
  name        TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX queue_services_unit ON queue_services(unit_id);

CREATE TABLE queue_counters (
  id          TEXT PRIMARY KEY,
  unit_id     TEXT NOT NULL REFERENCES one_stop_units(id),
  number      INTEGER NOT NULL,
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  UNIQUE (unit_id, number)
);

CREATE TABLE queue_counter_services (
  counter_id  TEXT NOT NULL REFERENCES queue_counters(id),
  service_id  TEXT NOT NULL REFERENCES queue_services(id),
  PRIMARY KEY (counter_id, service_id)
);

-- The last number given per unit and local day: incremented in the write transaction that issues
-- the ticket, so a number is never given twice, even when the ticket's later state changes.
CREATE TABLE queue_day_numbers (
  unit_id      TEXT NOT NULL,
  day          TEXT NOT NULL,
  last_number  INTEGER NOT NULL,
  PRIMARY KEY (unit_id, day)
);

-- status: waiting | called | served | no_show. priority_group: a code of
-- data/templates/queue-priority-groups.json, '' when none.
CREATE TABLE queue_tickets (
  id              TEXT PRIMARY KEY,
  unit_id         TEXT NOT NULL,
  day             TEXT NOT NULL,
  number          INTEGER NOT NULL,
  service_id      TEXT NOT NULL REFERENCES queue_services(id),
  priority_group  TEXT NOT NULL DEFAULT '',
  status          TEXT NOT NULL,
  counter_id      TEXT NOT NULL DEFAULT '',
  taken_by        TEXT NOT NULL,
  taken_at        TEXT NOT NULL,
  taken_at_s      INTEGER NOT NULL,
  called_by       TEXT NOT NULL DEFAULT '',
  called_at       TEXT NOT NULL DEFAULT '',
  called_at_s     INTEGER NOT NULL DEFAULT 0,
  calls           INTEGER NOT NULL DEFAULT 0,
  finished_by     TEXT NOT NULL DEFAULT '',
  finished_at     TEXT NOT NULL DEFAULT '',
  finished_at_s   INTEGER NOT NULL DEFAULT 0,
  UNIQUE (unit_id, day, number)
);
CREATE INDEX queue_tickets_waiting ON queue_tickets(unit_id, day, status);
