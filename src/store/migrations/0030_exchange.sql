-- Exchange of dossiers between MotCua instances (issue 14 point 6; docs/integrations.md "Exchange
-- between MotCua instances"): the partner instances an administrator registered, their public
-- keys (several per partner, each with its validity, so a partner rotates its key without
-- downtime), and the messages received from them (replay protection and idempotency: a repeat of
-- a message id is answered with the receipt given the first time, and nothing is written again).
-- Plain portable DDL: the same text runs on SQLite and PostgreSQL.
CREATE TABLE exchange_partners (
  id            TEXT PRIMARY KEY,  -- the partner's instance id, e.g. "bo-tu-phap"
  name          TEXT NOT NULL,
  base_url      TEXT NOT NULL,     -- its origin; messages go to {base_url}/api/v1/exchange/messages
  agency_codes  TEXT NOT NULL,     -- space-separated agency codes the partner's system serves
  created_by    TEXT NOT NULL,
  created_at    TEXT NOT NULL
);

CREATE TABLE exchange_partner_keys (
  partner_id  TEXT NOT NULL REFERENCES exchange_partners(id),
  public_key  TEXT NOT NULL,  -- base64 of the 32-byte Ed25519 public key
  valid_from  TEXT NOT NULL,  -- ISO 8601 with offset
  valid_to    TEXT NOT NULL DEFAULT '',  -- ISO 8601 with offset; empty: no end
  added_by    TEXT NOT NULL,
  added_at    TEXT NOT NULL,
  PRIMARY KEY (partner_id, public_key)
);

CREATE TABLE exchange_received (
  message_id   TEXT NOT NULL,
  from_id      TEXT NOT NULL,
  kind         TEXT NOT NULL,
  content_hash TEXT NOT NULL,  -- SHA-256 of kind and body: a retry (signed again, with a later
                               -- sent_at) carries the same; another content under the id is refused
  received_at  TEXT NOT NULL,
  receipt      TEXT NOT NULL,  -- the answer given (JSON text), repeated to a retry
  PRIMARY KEY (from_id, message_id)
);
