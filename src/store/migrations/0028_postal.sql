-- The postal channel (issue 14 point 4; docs/rules.md "Postal channel"): an applicant's choice of
-- pickup of the papers and/or delivery of the result by the public postal service, the orders
-- MotCua placed with the post (one per outbox "postal.order" row, keyed by its idempotency key),
-- and the post's status callbacks already taken (replay protection).
-- Plain portable DDL: the same text runs on SQLite and PostgreSQL.

-- One row per dossier whose applicant chose the post. No foreign key: a draft's choice may be
-- written in the same transaction before the dossier row's first version.
CREATE TABLE dossier_postal (
  dossier_id     TEXT PRIMARY KEY,
  pickup         INTEGER NOT NULL DEFAULT 0,  -- the post collects the papers from the applicant
  delivery       INTEGER NOT NULL DEFAULT 0,  -- the post delivers the result to the applicant
  receiver_name  TEXT NOT NULL,
  phone          TEXT NOT NULL,
  address        TEXT NOT NULL,
  cod_vnd        INTEGER NOT NULL DEFAULT 0,  -- collected on delivery (fees still due), VND
  updated_by     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);

-- kind: pickup | delivery. status: ordered (outbox row written) | placed (the post answered a
-- tracking number) | picked_up | delivered | returned_to_sender.
CREATE TABLE postal_orders (
  order_key        TEXT PRIMARY KEY,
  dossier_id       TEXT NOT NULL,
  kind             TEXT NOT NULL,
  status           TEXT NOT NULL,
  tracking_number  TEXT NOT NULL DEFAULT '',
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);
CREATE INDEX postal_orders_dossier ON postal_orders(dossier_id);
CREATE INDEX postal_orders_tracking ON postal_orders(tracking_number);

-- Each signed callback taken, by its signature: the same callback sent again (a replay within the
-- timestamp window) is refused.
CREATE TABLE postal_callbacks (
  signature        TEXT PRIMARY KEY,
  tracking_number  TEXT NOT NULL,
  event            TEXT NOT NULL,
  received_at      TEXT NOT NULL
);
