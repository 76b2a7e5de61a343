-- Counter receipts and refunds of fees (issue 15 point 1; docs/rules.md "Fees at the counter and
-- refunds"). Plain portable DDL: the same text runs on SQLite and PostgreSQL.

-- The e-receipt ("biên lai điện tử") an official issues when a fee is paid at the counter. Its
-- number runs per agency and calendar year without gaps: it is taken from receipt_numbers in the
-- same transaction that writes the receipt, so a refusal rolls both back. Shown as 2026/000123.
CREATE TABLE receipt_numbers (
  agency_id    TEXT NOT NULL,
  year         INTEGER NOT NULL,
  last_number  INTEGER NOT NULL,
  PRIMARY KEY (agency_id, year)
);

CREATE TABLE fee_receipts (
  id           TEXT PRIMARY KEY,
  payment_id   TEXT NOT NULL UNIQUE,    -- payments.id (method cash | card, state paid)
  dossier_id   TEXT NOT NULL,
  agency_id    TEXT NOT NULL,
  year         INTEGER NOT NULL,
  number       INTEGER NOT NULL,
  method       TEXT NOT NULL,           -- cash | card
  amount_vnd   INTEGER NOT NULL,
  description  TEXT NOT NULL,           -- what the fee is for (the fee request's text)
  payer_name   TEXT NOT NULL,
  issued_by    TEXT NOT NULL,
  issued_at    TEXT NOT NULL,
  note         TEXT NOT NULL DEFAULT '',
  UNIQUE (agency_id, year, number)
);
CREATE INDEX fee_receipts_dossier ON fee_receipts(dossier_id);

-- A refund of a paid fee when the dossier is refused or withdrawn after the payment. Online
-- payments are sent back through the gateway (VNPAY refund, by the delivery engine's outbox);
-- counter payments are completed by an official who hands the money back.
-- state: pending (to be sent or handed back) | refunded | failed.
CREATE TABLE refunds (
  id              TEXT PRIMARY KEY,
  payment_id      TEXT NOT NULL UNIQUE,
  dossier_id      TEXT NOT NULL,
  method          TEXT NOT NULL,        -- the payment's: vnpay | cash | card
  amount_vnd      INTEGER NOT NULL,
  state           TEXT NOT NULL,
  reason          TEXT NOT NULL,        -- why: refused / withdrawn (and the event's seq)
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  completed_by    TEXT NOT NULL DEFAULT '',  -- the official (counter) or 'system' (gateway)
  completed_at    TEXT NOT NULL DEFAULT '',
  gateway_txn_no  TEXT NOT NULL DEFAULT '',  -- the gateway's refund transaction
  error           TEXT NOT NULL DEFAULT ''   -- the gateway's answer when it failed
);
CREATE INDEX refunds_dossier ON refunds(dossier_id);
