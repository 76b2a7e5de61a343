-- Webhooks for integrators (issue 14 point 5; docs/integrations.md "Webhooks"): an administrator
-- registers a URL and the dossier event types it wants; each matching event writes one "webhook"
-- outbox row per subscription (key "webhook:<subscription id>:<dossier id>:<event seq>"), so a
-- subscription's deliveries and their attempts are the outbox rows under its key prefix.
-- The signing secret is shown once at registration and kept sealed (XSalsa20-Poly1305 under the
-- key of --webhook-key-file; docs/security.md): a hash would not let MotCua sign.
-- Plain portable DDL: the same text runs on SQLite and PostgreSQL.
CREATE TABLE webhook_subscriptions (
  id               TEXT PRIMARY KEY,
  url              TEXT NOT NULL,
  event_types      TEXT NOT NULL,  -- space-separated dossier event types, or '*'
  description      TEXT NOT NULL DEFAULT '',
  secret_sealed    TEXT NOT NULL,  -- hex of nonce || secretbox(secret)
  active           INTEGER NOT NULL DEFAULT 1,
  created_by       TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  disabled_by      TEXT NOT NULL DEFAULT '',
  disabled_at      TEXT NOT NULL DEFAULT '',
  disabled_reason  TEXT NOT NULL DEFAULT ''
);
