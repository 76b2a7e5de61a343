-- Answers held for a leader's review (issue 16 point 5; docs/rules.md section 10). An answer that
-- the generic-answer detector flags is not sent: the feedback goes to status 'held_for_review'
-- (feedback.status is free text: received | held_for_review | answered) and the answer waits
-- here with the detector's reasons. A leader of the agency releases it (it becomes the answer)
-- or returns it to be rewritten (the feedback is 'received' again); either way the decision, who
-- took it, when and why stay in this row, so every hold has its history.
-- Plain portable DDL: the same text runs on SQLite and PostgreSQL.
CREATE TABLE feedback_reviews (
  id               TEXT PRIMARY KEY,
  feedback_id      TEXT NOT NULL REFERENCES feedback(id),
  answer           TEXT NOT NULL,
  legal_reference  TEXT NOT NULL,
  answered_by      TEXT NOT NULL REFERENCES users(id),
  held_at          TEXT NOT NULL,
  reasons          TEXT NOT NULL,              -- JSON array of {code, detail, score}
  decision         TEXT NOT NULL DEFAULT '',   -- '' while pending | released | returned
  decided_by       TEXT NOT NULL DEFAULT '',
  decided_at       TEXT NOT NULL DEFAULT '',
  decision_reason  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX feedback_reviews_feedback ON feedback_reviews(feedback_id, held_at);
