-- Personal data sealed at rest (issue 18 point 6, docs/security.md "Personal data at rest"): the
-- ID number and phone of accounts, the ID number kept per dossier for the applicant's lookup, and
-- the postal receiver's phone and address now hold "enc1:<key id>:<base64>" (libsodium secretbox
-- under the data key file, store/data_keys.hpp) in the same columns. Where a row is found by the
-- value, a keyed hash (BLAKE2b under a key derived from the data key) is kept beside it.
-- The clear values already there are sealed right after this migration, in the same transaction,
-- by seal_clear_personal_data (store/personal_data.cpp): SQL has no key.
-- Plain portable DDL: the same text runs on SQLite and PostgreSQL.
ALTER TABLE users ADD COLUMN id_number_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN phone_hash TEXT NOT NULL DEFAULT '';
CREATE INDEX users_phone_hash ON users(phone_hash);
CREATE INDEX users_id_number_hash ON users(id_number_hash);
ALTER TABLE dossier_applicant_ids ADD COLUMN id_number_hash TEXT NOT NULL DEFAULT '';
CREATE INDEX dossier_applicant_ids_hash ON dossier_applicant_ids(id_number_hash);
