-- Citizen login through OpenID Connect (issue 15 point 4; docs/integrations.md "Identity (OIDC)").
-- Plain portable DDL: the same text runs on SQLite and PostgreSQL.

-- One row per login started and not yet finished: the `state` sent to the provider (as its SHA-256,
-- so a copy of the database cannot finish someone's login), the `nonce` the ID token must carry,
-- and the SHA-256 of the PKCE code_verifier, which itself stays in the browser's short-lived
-- cookie: only the browser that started the login can finish it. A callback deletes its row
-- before anything else, so a state is used once.
CREATE TABLE oidc_login_attempts (
  state_hash     TEXT PRIMARY KEY,
  nonce          TEXT NOT NULL,
  verifier_hash  TEXT NOT NULL,
  return_path    TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  expires_s      INTEGER NOT NULL
);
CREATE INDEX oidc_login_attempts_expiry ON oidc_login_attempts(expires_s);

-- An identity the provider vouched for, linked to the applicant account created on its first
-- login: (issuer, sub) is the key OpenID Connect guarantees stable; the ID number is the claim as
-- the provider gave it (the account's users.id_number takes the same value).
CREATE TABLE user_identities (
  issuer         TEXT NOT NULL,
  subject        TEXT NOT NULL,
  user_id        TEXT NOT NULL UNIQUE,
  id_number      TEXT NOT NULL DEFAULT '',
  linked_at      TEXT NOT NULL,
  last_login_at  TEXT NOT NULL,
  PRIMARY KEY (issuer, subject)
);
