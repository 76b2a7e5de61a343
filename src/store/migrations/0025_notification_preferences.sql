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
-- pending rows can never be delivered. They are closed here with the reason in last_error;
-- delivered_at is set so that every version of the delivery engine leaves them alone (the engine's
-- migration 0024 may add a state column: rows it marks cancelled or these closed rows are both
-- out of the queue). Delivered rows are left as they are.
UPDATE outbox
   SET delivered_at = '1970-01-01T00:00:00Z',
       last_error = 'cancelled by migration 0025: topic notify.applicant retired (no recipient; replaced by mail, sms, zalo)'
 WHERE topic = 'notify.applicant' AND delivered_at IS NULL;
