-- The delivery engine's view of the outbox (store/outbox.hpp, docs/integrations.md "Delivery
-- engine"). Plain portable DDL: the same text runs on SQLite and PostgreSQL.
--   state        pending (waiting or retrying), delivered, dead (an administrator must retry or
--                cancel it), cancelled (by an administrator, with cancel_reason)
--   order_key    the dossier id, or '': rows of one topic and order_key go out strictly in id order,
--                so a later status never overtakes an earlier one
--   partner_ref  the partner's reference of a delivered message (message id, tracking number)
--   created_s    Unix seconds of the enqueue: the oldest pending message's age for /healthz
--   updated_s    Unix seconds of the last change of state: pruning delivered rows by age
ALTER TABLE outbox ADD COLUMN state TEXT NOT NULL DEFAULT 'pending';
ALTER TABLE outbox ADD COLUMN order_key TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN partner_ref TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN dead_at TEXT;
ALTER TABLE outbox ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN cancel_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN created_s INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN updated_s INTEGER NOT NULL DEFAULT 0;

-- Rows written before the engine: enqueued at their first availability, delivered if so marked.
UPDATE outbox SET created_s = available_s, updated_s = available_s,
                  updated_at = COALESCE(delivered_at, created_at);
UPDATE outbox SET state = 'delivered' WHERE delivered_at IS NOT NULL;

DROP INDEX outbox_pending;
-- Claiming: due pending rows of one topic in id order.
CREATE INDEX outbox_due ON outbox(topic, state, available_s, id);
-- Ordering: is an earlier row of the same topic and order_key still open?
CREATE INDEX outbox_order ON outbox(topic, order_key, id);
-- Pruning and the counts per topic and state.
CREATE INDEX outbox_state_age ON outbox(state, updated_s);
