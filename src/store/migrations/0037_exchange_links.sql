-- What the exchange between MotCua instances did with dossiers (issue 14 point 6; docs/
-- integrations.md "Exchange between MotCua instances"). Plain portable DDL for both engines.
--
-- On the sending side, exchange_links: each step of a dossier's process handed to a partner
-- instance (a dossier_transfer message) and each consultation put to an agency a partner serves
-- (a consultation_question), with the partner's signed receipt (its reference: the child
-- dossier's code) and the result or answer that came back. The partner's message that closes a
-- link names it by its message id, and a second one finds it closed.
CREATE TABLE exchange_links (
  message_id       TEXT PRIMARY KEY,          -- the message this instance sent
  kind             TEXT NOT NULL,             -- 'step' or 'consultation'
  dossier_id       TEXT NOT NULL,
  partner_id       TEXT NOT NULL,
  step_id          TEXT NOT NULL DEFAULT '',  -- the step the partner holds
  origin_step      TEXT NOT NULL DEFAULT '',  -- where the result hands the dossier back
  origin_official  TEXT NOT NULL DEFAULT '',  -- to whom
  consultation_id  TEXT NOT NULL DEFAULT '',
  sent_at          TEXT NOT NULL,
  receipt_ref      TEXT NOT NULL DEFAULT '',
  receipt_at       TEXT NOT NULL DEFAULT '',
  result_at        TEXT NOT NULL DEFAULT '',
  outcome          TEXT NOT NULL DEFAULT ''   -- approval, refusal, refused_at_receipt, stopped, answered
);
CREATE INDEX exchange_links_dossier ON exchange_links(dossier_id);

-- On the receiving side, exchange_inbound: each dossier a partner handed over (the child dossier
-- made of it) and each question a partner put to one of this instance's agencies, with the answer
-- (or result) sent back.
CREATE TABLE exchange_inbound (
  id            TEXT PRIMARY KEY,
  from_id       TEXT NOT NULL,
  message_id    TEXT NOT NULL,            -- the partner's message
  kind          TEXT NOT NULL,            -- 'step' or 'consultation'
  dossier_id    TEXT NOT NULL DEFAULT '', -- the child dossier (step)
  agency_id     TEXT NOT NULL,            -- the agency of this instance asked
  parent_code   TEXT NOT NULL DEFAULT '', -- the partner's dossier code, for the officials
  procedure_name TEXT NOT NULL DEFAULT '',
  question      TEXT NOT NULL DEFAULT '',
  papers        TEXT NOT NULL DEFAULT '[]', -- consultation: JSON list of {name, file_name, content_type, sha256, size}
  received_at   TEXT NOT NULL,
  due_at        TEXT NOT NULL DEFAULT '',
  answer        TEXT NOT NULL DEFAULT '',
  answered_by   TEXT NOT NULL DEFAULT '',
  answered_at   TEXT NOT NULL DEFAULT '',
  UNIQUE (from_id, message_id)
);
CREATE INDEX exchange_inbound_dossier ON exchange_inbound(dossier_id);
CREATE INDEX exchange_inbound_agency ON exchange_inbound(agency_id, answered_at);
