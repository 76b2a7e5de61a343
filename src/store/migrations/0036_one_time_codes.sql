-- Citizens' own accounts (issue 15 point 5; docs/security.md "One-time codes"): a sign-up waits in
-- pending_signups until the 6-digit code sent to its e-mail address or phone comes back, and only
-- then becomes a user; a password reset is confirmed the same way. Codes are stored as a salted
-- SHA-256 (never the code), expire, are used once and die after 5 wrong tries. How many codes an
-- address or a client may ask for is counted in login_failures (scopes "otp.address",
-- "otp.client"), like login failures, so every server behind the load balancer sees the same counts.
-- Plain portable DDL: the same text runs on SQLite and PostgreSQL.

-- purpose: account_verify | password_reset. address: normalised e-mail (lower case) or phone
-- (0xxxxxxxxx). user_id: the account a reset is for; '' for a sign-up, and for a reset asked for
-- an address without an account (a row nobody can use, so the answer does not tell them apart).
CREATE TABLE one_time_codes (
  id           TEXT PRIMARY KEY,
  purpose      TEXT NOT NULL,
  address      TEXT NOT NULL,
  user_id      TEXT NOT NULL DEFAULT '',
  code_hash    TEXT NOT NULL,          -- hex SHA-256 of "<id>:<code>"
  created_at   TEXT NOT NULL,
  expires_s    INTEGER NOT NULL,
  wrong_tries  INTEGER NOT NULL DEFAULT 0,
  used_at      TEXT NOT NULL DEFAULT ''  -- used, or replaced by a newer code
);
CREATE INDEX one_time_codes_address ON one_time_codes(purpose, address);

-- A sign-up not yet verified: not a user, so it neither logs in nor holds the username. A second
-- sign-up for the same address replaces it (only whoever receives the code can finish either).
CREATE TABLE pending_signups (
  address        TEXT PRIMARY KEY,
  display_name   TEXT NOT NULL,
  password_hash  TEXT NOT NULL,        -- Argon2id, as users.password_hash
  language       TEXT NOT NULL,        -- vi | en: of the code's message and later notices
  created_at     TEXT NOT NULL
);

-- Officials' second factor (issue 15 point 4; docs/security.md "Second factor"): a TOTP secret
-- per user, sealed (libsodium secretbox, as webhook secrets) under the key of
-- --second-factor-key-file, so a copy of the database alone does not reveal it. confirmed_at is
-- '' while the enrolment waits for its first code; last_step is the newest 30-second step
-- accepted, so no code is accepted twice.
CREATE TABLE totp_factors (
  user_id        TEXT PRIMARY KEY,
  secret_sealed  TEXT NOT NULL,
  confirmed_at   TEXT NOT NULL DEFAULT '',
  last_step      INTEGER NOT NULL DEFAULT 0,
  created_at     TEXT NOT NULL
);
-- Single-use recovery codes given once at enrolment, stored as SHA-256.
CREATE TABLE totp_recovery_codes (
  user_id    TEXT NOT NULL,
  code_hash  TEXT NOT NULL,
  used_at    TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (user_id, code_hash)
);
-- The roles whose holders must have a second factor (set by an administrator, audited).
CREATE TABLE second_factor_roles (
  role         TEXT PRIMARY KEY,
  required_by  TEXT NOT NULL,
  required_at  TEXT NOT NULL
);
