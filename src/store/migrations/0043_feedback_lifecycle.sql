-- Feedback on regulations handled to the law (issue 16 point 5, docs/rules.md section 10):
-- intake by staff for letters and phone calls, classification, rejection, requests for more
-- information (the clock pauses while the sender is asked), forwarding to the competent agency,
-- publication of the answer and the sender's rating of it. All in the existing `feedback` row; the
-- audit log keeps who did each step, when and why.
-- Plain portable DDL: the same text runs on SQLite and PostgreSQL.
--   channel            online | letter | phone | open311 | exchange
--   kind               Decree 20/2008 Art. 5 kind (data/templates/open311-services.json codes)
--   clock_started_at   when this agency's clock started: receipt, or arrival by forwarding
--   paused_seconds     working time spent waiting for the sender's information (closed pauses)
--   forward_target     agency:<id> | partner:<id> | portal
--   rating             satisfied | unsatisfied, given once by the holder of the code
--   answer_working_days the province's answering limit when the item was received (rows before
--                      this migration were received under the 10 days then fixed in code)
ALTER TABLE feedback ADD COLUMN channel TEXT NOT NULL DEFAULT 'online';
ALTER TABLE feedback ADD COLUMN kind TEXT NOT NULL DEFAULT '';
ALTER TABLE feedback ADD COLUMN entered_by TEXT NOT NULL DEFAULT '';
ALTER TABLE feedback ADD COLUMN clock_started_at TEXT NOT NULL DEFAULT '';
ALTER TABLE feedback ADD COLUMN paused_seconds INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feedback ADD COLUMN rejected_at TEXT NOT NULL DEFAULT '';
ALTER TABLE feedback ADD COLUMN reject_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE feedback ADD COLUMN info_requested_at TEXT NOT NULL DEFAULT '';
ALTER TABLE feedback ADD COLUMN info_request TEXT NOT NULL DEFAULT '';
ALTER TABLE feedback ADD COLUMN info_supplied_at TEXT NOT NULL DEFAULT '';
ALTER TABLE feedback ADD COLUMN info_supplied TEXT NOT NULL DEFAULT '';
ALTER TABLE feedback ADD COLUMN forwarded_at TEXT NOT NULL DEFAULT '';
ALTER TABLE feedback ADD COLUMN forward_target TEXT NOT NULL DEFAULT '';
ALTER TABLE feedback ADD COLUMN forward_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE feedback ADD COLUMN forwarded_from TEXT NOT NULL DEFAULT '';
ALTER TABLE feedback ADD COLUMN published_at TEXT NOT NULL DEFAULT '';
ALTER TABLE feedback ADD COLUMN published_folded TEXT NOT NULL DEFAULT '';
ALTER TABLE feedback ADD COLUMN rating TEXT NOT NULL DEFAULT '';
ALTER TABLE feedback ADD COLUMN rating_comment TEXT NOT NULL DEFAULT '';
ALTER TABLE feedback ADD COLUMN rated_at TEXT NOT NULL DEFAULT '';
ALTER TABLE feedback ADD COLUMN answer_working_days INTEGER NOT NULL DEFAULT 10;
CREATE INDEX feedback_published ON feedback(status, published_at);
