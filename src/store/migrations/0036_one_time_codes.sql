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
