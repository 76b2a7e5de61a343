-- The applicant's paper store (issue 15 point 6; Decree 45/2020 Art 16, "kho quản lý dữ liệu
-- điện tử của tổ chức, cá nhân"): papers an applicant chose to keep from their dossiers, so that a
-- later dossier takes them without another upload. The bytes stay in the content-addressed file
-- folder under `sha256` (store/file_blobs.hpp): keeping a paper copies no bytes, only the row.
-- Plain portable DDL: the same text runs on SQLite and PostgreSQL.

-- owner_id: the applicant account (users.id); only the owner ever reads these rows.
-- catalog_paper_id: the catalog paper it is (catalog/paper_identity.hpp), empty when unknown.
-- source_dossier_id/source_paper_id: the dossier paper it was kept from.
-- valid_until: YYYY-MM-DD when the paper expires (an identity card, say), else empty.
CREATE TABLE stored_papers (
  id                 TEXT PRIMARY KEY,
  owner_id           TEXT NOT NULL,
  catalog_paper_id   TEXT NOT NULL DEFAULT '',
  name               TEXT NOT NULL,
  file_name          TEXT NOT NULL,
  content_type       TEXT NOT NULL,
  sha256             TEXT NOT NULL,
  size               INTEGER NOT NULL,
  source_dossier_id  TEXT NOT NULL DEFAULT '',
  source_paper_id    TEXT NOT NULL DEFAULT '',
  kept_at            TEXT NOT NULL,
  valid_until        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX stored_papers_owner ON stored_papers(owner_id, kept_at);

-- A dossier paper taken from the store rather than uploaded: the stored paper's id. The 766
-- digitisation figures count dossiers with such papers (store/statistics_queries.hpp).
ALTER TABLE papers ADD COLUMN reused_from TEXT NOT NULL DEFAULT '';
