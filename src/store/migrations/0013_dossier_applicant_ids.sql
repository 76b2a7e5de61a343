-- The applicant's ID number (số định danh cá nhân / CCCD, or a tax code) of each dossier, kept
-- beside the dossier's JSON document so an applicant can list their own dossiers by it from the
-- tracking page (POST /api/v1/track/lookup) without a scan of every document. Written by the
-- store on every change of a dossier; the phone the lookup also asks for is compared in the
-- application against the document itself.
CREATE TABLE dossier_applicant_ids (
  dossier_id  TEXT PRIMARY KEY REFERENCES dossiers(id),
  id_number   TEXT NOT NULL
);
CREATE INDEX dossier_applicant_ids_number ON dossier_applicant_ids(id_number);

-- The dossiers that exist already, from their documents.
-- @sqlite
INSERT INTO dossier_applicant_ids(dossier_id, id_number)
  SELECT id, trim(json_extract(document, '$.applicant.id_number')) FROM dossiers
  WHERE json_valid(document)
    AND coalesce(trim(json_extract(document, '$.applicant.id_number')), '') <> '';
-- @end
-- @postgres
INSERT INTO dossier_applicant_ids(dossier_id, id_number)
  SELECT id, trim(document::jsonb -> 'applicant' ->> 'id_number') FROM dossiers
  WHERE coalesce(trim(document::jsonb -> 'applicant' ->> 'id_number'), '') <> '';
-- @end
