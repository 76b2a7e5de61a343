-- Notices to applicants (issue 14 point 2): what each applicant account wants. A missing row means
-- the defaults: every channel the applicant has a contact for, optional notices on, Vietnamese.
-- Notices the law requires (supplement request, refusal, apology, fee due) ignore `optional_on`.
-- Plain portable DDL: the same text runs on SQLite and PostgreSQL.
CREATE TABLE notification_preferences (
  user_id      TEXT PRIMARY KEY REFERENCES users(id),
  mail         INTEGER NOT NULL DEFAULT 1,
  sms          INTEGER NOT NULL DEFAULT 1,
  zalo         INTEGER NOT NULL DEFAULT 1,
  optional_on  INTEGER NOT NULL DEFAULT 1,   -- received, result ready, returned
  language     TEXT NOT NULL DEFAULT 'vi',   -- vi | en
  updated_by   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);

-- The retired topic notify.applicant carried neither recipient nor the status of its own event: its
-- pending rows can never be delivered. They are cancelled here (state and cancel_reason come from
-- migration 0024), so the delivery engine leaves them alone and pruning removes them; delivered
-- rows are left as they are.
UPDATE outbox
   SET state = 'cancelled',
       cancel_reason = 'migration 0025: topic notify.applicant retired (no recipient; replaced by mail, sms, zalo)',
       updated_at = created_at,
       updated_s = available_s
 WHERE topic = 'notify.applicant' AND state = 'pending';
