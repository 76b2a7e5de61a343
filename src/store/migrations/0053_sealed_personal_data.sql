-- Personal data sealed at rest (issue 18 point 6, docs/security.md "Personal data at rest"). These
-- columns now hold "enc1:<key id>:<base64>" (libsodium secretbox under the data key file,
-- store/data_keys.hpp): the ID number and phone of accounts, the ID number kept per dossier for the
-- applicant's lookup, the postal receiver's phone and address, the ID number an e-identity vouched
-- for, the feedback sender's contact, an Open311 reporter's address, email and phone, and every
-- dossier's application form (store/personal_data.cpp lists them). Where a row is found by the
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
ALTER TABLE feedback ADD COLUMN contact_hash TEXT NOT NULL DEFAULT '';
CREATE INDEX feedback_contact_hash ON feedback(contact_hash);
