-- Fee payments (issue 15 point 1; docs/integrations.md "Online fee payment"): one row per attempt
-- to pay a fee the agency requested, online through the gateway (VNPAY 2.1.0) or at the counter.
-- Amounts are integer VND, never floating point. The dossier's hash-chained log records every
-- money event; this table is the gateway's side of the story (what was asked, what it answered).
-- Plain portable DDL: the same text runs on SQLite and PostgreSQL.

-- state: pending (sent to the gateway) | paid | failed | expired | refunded.
-- method: vnpay | cash | card. fee_seq: the log's seq of the payment_requested event it pays.
CREATE TABLE payments (
  id              TEXT PRIMARY KEY,
  dossier_id      TEXT NOT NULL,
  fee_seq         INTEGER NOT NULL,
  method          TEXT NOT NULL,
  txn_ref         TEXT NOT NULL UNIQUE,  -- vnp_TxnRef (or the e-receipt number at the counter)
  amount_vnd      INTEGER NOT NULL,
  state           TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  expires_at      TEXT NOT NULL,         -- vnp_ExpireDate as ISO 8601; counter: created_at
  updated_at      TEXT NOT NULL,
  gateway_txn_no  TEXT NOT NULL DEFAULT '',  -- vnp_TransactionNo
  bank_code       TEXT NOT NULL DEFAULT '',
  response_code   TEXT NOT NULL DEFAULT ''   -- vnp_ResponseCode of the IPN that settled it
);
CREATE INDEX payments_dossier ON payments(dossier_id);
CREATE INDEX payments_created ON payments(created_at);
-- One open payment per fee: a second attempt while one is pending reuses it.
CREATE UNIQUE INDEX payments_one_open ON payments(dossier_id, fee_seq) WHERE state = 'pending';
