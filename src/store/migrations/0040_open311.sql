-- Open311 GeoReport v2 for feedback (issue 16 point 7; docs/integrations.md "Open311 GeoReport
-- v2"). A request filed through /open311/v2/ is a row of `feedback` (its code is the
-- service_request_id); this table keeps what GeoReport adds to it: the category (service_code),
-- the place, the client's identifiers and the API key it came with.
-- API keys are issued by administrators and shown once; only their SHA-256 is kept.
-- Plain portable DDL: the same text runs on SQLite and PostgreSQL.
CREATE TABLE open311_api_keys (
  id           TEXT PRIMARY KEY,
  key_hash     TEXT NOT NULL UNIQUE,   -- hex SHA-256 of the key
  label        TEXT NOT NULL,          -- who the key was issued to
  issued_by    TEXT NOT NULL,
  issued_at    TEXT NOT NULL,
  revoked_at   TEXT NOT NULL DEFAULT ''
);

CREATE TABLE open311_requests (
  feedback_id     TEXT PRIMARY KEY REFERENCES feedback(id),
  service_code    TEXT NOT NULL,
  lat             TEXT NOT NULL DEFAULT '',   -- as sent (WGS84 decimal degrees), '' when absent
  lon             TEXT NOT NULL DEFAULT '',
  address_string  TEXT NOT NULL DEFAULT '',
  email           TEXT NOT NULL DEFAULT '',
  phone           TEXT NOT NULL DEFAULT '',
  device_id       TEXT NOT NULL DEFAULT '',
  account_id      TEXT NOT NULL DEFAULT '',
  media_url       TEXT NOT NULL DEFAULT '',
  attributes      TEXT NOT NULL DEFAULT '{}', -- flat JSON object of attribute[code] values
  api_key_id      TEXT NOT NULL REFERENCES open311_api_keys(id)
);
CREATE INDEX open311_requests_service ON open311_requests(service_code);
