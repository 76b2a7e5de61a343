-- Citizens' phones and e-mail addresses out of the clear (issue 18 point 6; docs/security.md
-- "Personal data at rest"). one_time_codes.address and pending_signups.address become sealed
-- (bound to the row's id) with a keyed hash beside them for lookups; pending_signups was keyed by
-- the clear address and is rebuilt keyed by the hash, with an id the sealed address is bound to
-- (the hash changes when rotate-key re-hashes, the id never does). users.username of a citizen who
-- signed up with a phone becomes "phone:" + the keyed hash of the phone.
-- SQL has no key: right after this script, in the same transaction, seal_contact_addresses
-- (store/personal_data.cpp) seals the addresses copied clear here, replaces the clear address
-- that stands in for the hash, and renames the phone accounts.
ALTER TABLE one_time_codes ADD COLUMN address_hash TEXT NOT NULL DEFAULT '';
DROP INDEX one_time_codes_address;
CREATE INDEX one_time_codes_address ON one_time_codes(purpose, address_hash);

CREATE TABLE pending_signups_sealed (
  address_hash   TEXT PRIMARY KEY,     -- keyed hash of the normalised address
  id             TEXT NOT NULL UNIQUE, -- what the sealed address is bound to
  address        TEXT NOT NULL,        -- sealed
  display_name   TEXT NOT NULL,
  password_hash  TEXT NOT NULL,
  language       TEXT NOT NULL,
  created_at     TEXT NOT NULL
);
-- The clear address stands in for its hash until seal_contact_addresses replaces both.
-- @sqlite
INSERT INTO pending_signups_sealed(address_hash, id, address, display_name, password_hash,
                                   language, created_at)
SELECT address, 'ps_' || lower(hex(randomblob(12))), address, display_name, password_hash,
       language, created_at FROM pending_signups;
-- @end
-- @postgres
INSERT INTO pending_signups_sealed(address_hash, id, address, display_name, password_hash,
                                   language, created_at)
SELECT address, 'ps_' || replace(gen_random_uuid()::text, '-', ''), address, display_name,
       password_hash, language, created_at FROM pending_signups;
-- @end
DROP TABLE pending_signups;
ALTER TABLE pending_signups_sealed RENAME TO pending_signups;

-- login_failures now keys its rows by the keyed hash of the subject (store/login_failures.cpp); the
-- rows written before name user names, phones and addresses in clear. They count failures of the
-- last minutes only: dropped, the counts start afresh.
DELETE FROM login_failures;
