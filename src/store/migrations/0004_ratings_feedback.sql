-- Satisfaction ratings of dossiers (đánh giá mức độ hài lòng, Decree 61/2018 Art. 27-32, Circular
-- 01/2018 Art. 12-15, Decision 766 satisfaction group) and feedback on administrative regulations
-- (phản ánh, kiến nghị, Decree 20/2008 as amended by Decree 92/2017).

-- One rating per dossier, by its applicant, once the result is out. The answers are kept as given
-- and as the points of the Decree 61 indices they feed, so the evaluation can be summed later.
CREATE TABLE dossier_ratings (
  dossier_id       TEXT PRIMARY KEY REFERENCES dossiers(id),
  applicant_id     TEXT NOT NULL REFERENCES users(id),
  agency_id        TEXT NOT NULL REFERENCES agencies(id),
  procedure_code   TEXT NOT NULL,
  overall          INTEGER NOT NULL CHECK (overall BETWEEN 1 AND 5),
  contacts         INTEGER NOT NULL,   -- index 3: extra contacts needed to complete the dossier
  bodies           INTEGER NOT NULL,   -- index 4: agencies the applicant had to deal with
  attitude         TEXT NOT NULL,      -- index 7: courteous | discourteous | harassing
  points_contacts  INTEGER NOT NULL,
  points_bodies    INTEGER NOT NULL,
  points_attitude  INTEGER NOT NULL,
  comment          TEXT NOT NULL DEFAULT '',
  rated_at         TEXT NOT NULL
);
CREATE INDEX dossier_ratings_agency ON dossier_ratings(agency_id, rated_at);

-- Feedback on regulations. `code` is the submitter's tracking handle (random, so it cannot be
-- guessed); `agency_id` is the agency it is addressed to, whose leaders and administrators answer.
CREATE TABLE feedback (
  id              TEXT PRIMARY KEY,
  code            TEXT NOT NULL UNIQUE,
  name            TEXT NOT NULL,
  contact         TEXT NOT NULL,
  procedure_code  TEXT NOT NULL,
  procedure_name  TEXT NOT NULL DEFAULT '',
  agency_id       TEXT NOT NULL REFERENCES agencies(id),
  content         TEXT NOT NULL,
  status          TEXT NOT NULL,        -- received | answered
  received_at     TEXT NOT NULL,
  answer_due      TEXT NOT NULL,        -- ISO instant, the answering time limit
  answer          TEXT,
  legal_reference TEXT,
  answer_folded   TEXT,                 -- folded answer, to refuse copies of earlier answers
  answered_by     TEXT REFERENCES users(id),
  answered_at     TEXT
);
CREATE INDEX feedback_queue ON feedback(agency_id, status, received_at);
CREATE INDEX feedback_answered ON feedback(status, answered_at);
