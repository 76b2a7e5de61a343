-- The Decision 766 index from the monthly rollup (issue 17 point 3; docs/performance.md "The
-- Decision 766 index from the monthly rollup"). The index asked seven facts of every received
-- dossier of the period, each an EXISTS probe into its own table at every request (1.1-1.9 s for
-- the whole province at 40,000 dossiers). Now the statistics refresh stores them once per dossier
-- (store::replace_outcome reads them in the transaction that rebuilds the outcome row), and the
-- rollup of migration 0052 counts them per month of receipt, agency and procedure with the same
-- +1/-1. Whatever the time of the query decides (an open dossier overdue or not) is still counted
-- from the open rows. Plain portable DDL except the triggers, fenced per engine.

-- The facts, 0/1, as the row query of store/index_766_queries.cpp reads them.
ALTER TABLE dossier_outcomes ADD COLUMN synced INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossier_outcomes ADD COLUMN fee_bearing INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossier_outcomes ADD COLUMN paid_online INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossier_outcomes ADD COLUMN digitised INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossier_outcomes ADD COLUMN has_result INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossier_outcomes ADD COLUMN rated_unsatisfied INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossier_outcomes ADD COLUMN reused INTEGER NOT NULL DEFAULT 0;

-- The counters the index sums: each flag, and each pair the scorer combines (a fee paid online of
-- a dossier with a fee requested; a reused paper of a digitised dossier; finished in time and not
-- rated unsatisfied).
ALTER TABLE dossier_outcome_months ADD COLUMN synced INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossier_outcome_months ADD COLUMN fee_bearing INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossier_outcome_months ADD COLUMN fee_paid_online INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossier_outcome_months ADD COLUMN digitised INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossier_outcome_months ADD COLUMN digitised_reused INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossier_outcome_months ADD COLUMN has_result INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossier_outcome_months ADD COLUMN satisfied_finished INTEGER NOT NULL DEFAULT 0;

-- The electronic-results index lists a procedure without its input in the order of its first
-- dossier with a result: one seek per procedure.
CREATE INDEX dossier_outcomes_results
  ON dossier_outcomes(procedure_code, received_month, received_s, dossier_id)
  WHERE has_result = 1;

-- The open dossiers of the months asked, judged at the time of the query (overdue or not, rated
-- 1-2 or not): read from the index alone, without a lookup of each row (SQLite counts an index as
-- covering only when it holds every column the query names, `outcome` included).
CREATE INDEX dossier_outcomes_open_766
  ON dossier_outcomes(received_month, agency_id, procedure_code, overdue_from_s, rated_unsatisfied,
                      outcome)
  WHERE outcome = 'open';

-- The facts of the rows already there (the probes of store/index_766_queries.cpp).
UPDATE dossier_outcomes SET
  -- One probe per dossier of its sync rows (index outbox_order): one delivered and none dead.
  synced = CASE WHEN COALESCE((SELECT MAX(CASE x.state WHEN 'dead' THEN 2
      WHEN 'delivered' THEN 1 ELSE 0 END) FROM outbox x WHERE x.topic = 'national_portal.sync'
      AND x.order_key = dossier_outcomes.dossier_id), 0) = 1 THEN 1 ELSE 0 END,
  fee_bearing = CASE WHEN EXISTS (SELECT 1 FROM dossier_events e
      WHERE e.dossier_id = dossier_outcomes.dossier_id AND e.type = 'payment_requested')
    THEN 1 ELSE 0 END,
  paid_online = CASE WHEN EXISTS (SELECT 1 FROM payments p
      WHERE p.dossier_id = dossier_outcomes.dossier_id AND p.method = 'vnpay' AND p.state = 'paid')
    THEN 1 ELSE 0 END,
  digitised = CASE WHEN EXISTS (SELECT 1 FROM papers a
      WHERE a.dossier_id = dossier_outcomes.dossier_id) THEN 1 ELSE 0 END,
  has_result = CASE WHEN EXISTS (SELECT 1 FROM dossier_events e
      WHERE e.dossier_id = dossier_outcomes.dossier_id AND e.type = 'dossier_approved')
    THEN 1 ELSE 0 END,
  rated_unsatisfied = CASE WHEN EXISTS (SELECT 1 FROM dossier_ratings r
      WHERE r.dossier_id = dossier_outcomes.dossier_id AND r.overall <= 2) THEN 1 ELSE 0 END,
  reused = CASE WHEN EXISTS (SELECT 1 FROM papers a
      WHERE a.dossier_id = dossier_outcomes.dossier_id AND a.reused_from <> '')
    THEN 1 ELSE 0 END;

-- The rollup again, every counter from the rows (the same sums as 0052 plus the new ones).
DELETE FROM dossier_outcome_months;
INSERT INTO dossier_outcome_months(received_month, agency_id, procedure_code, received, early,
    on_time, late, open_count, open_paused, online, late_agency, late_official, late_other_agency,
    late_applicant, synced, fee_bearing, fee_paid_online, digitised, digitised_reused, has_result,
    satisfied_finished)
  SELECT received_month, agency_id, procedure_code, COUNT(*),
    SUM(CASE WHEN outcome = 'early' THEN 1 ELSE 0 END),
    SUM(CASE WHEN outcome = 'on_time' THEN 1 ELSE 0 END),
    SUM(CASE WHEN outcome = 'late' THEN 1 ELSE 0 END),
    SUM(CASE WHEN outcome = 'open' THEN 1 ELSE 0 END),
    SUM(CASE WHEN outcome = 'open' AND paused <> '' THEN 1 ELSE 0 END),
    SUM(CASE WHEN channel = 'online' THEN 1 ELSE 0 END),
    SUM(CASE WHEN outcome = 'late' AND late_cause = 'agency' THEN 1 ELSE 0 END),
    SUM(CASE WHEN outcome = 'late' AND late_cause = 'official' THEN 1 ELSE 0 END),
    SUM(CASE WHEN outcome = 'late' AND late_cause = 'other_agency' THEN 1 ELSE 0 END),
    SUM(CASE WHEN outcome = 'late' AND late_cause = 'applicant' THEN 1 ELSE 0 END),
    SUM(synced),
    SUM(fee_bearing),
    SUM(fee_bearing * paid_online),
    SUM(digitised),
    SUM(digitised * reused),
    SUM(has_result),
    SUM(CASE WHEN outcome IN ('early', 'on_time') AND rated_unsatisfied = 0 THEN 1 ELSE 0 END)
  FROM dossier_outcomes
  GROUP BY received_month, agency_id, procedure_code;

-- Facts that do not change the dossier's version mark it stale themselves, as the version trigger
-- of migration 0008 does: a portal sync delivered, dead or pruned; a payment; a paper uploaded,
-- reused or removed; a rating. The two events (a fee requested, a result approved) come with a new
-- version; their trigger is a guard for any writer that appends one without it.
-- @sqlite
CREATE TRIGGER outbox_mark_outcome_new AFTER INSERT ON outbox
  WHEN NEW.topic = 'national_portal.sync' AND NEW.state IN ('delivered', 'dead')
BEGIN
  INSERT OR IGNORE INTO dossier_outcomes_dirty(dossier_id) VALUES (NEW.order_key);
END;
CREATE TRIGGER outbox_mark_outcome_changed AFTER UPDATE OF state ON outbox
  WHEN NEW.topic = 'national_portal.sync' AND NEW.state <> OLD.state
BEGIN
  INSERT OR IGNORE INTO dossier_outcomes_dirty(dossier_id) VALUES (NEW.order_key);
END;
CREATE TRIGGER outbox_mark_outcome_gone AFTER DELETE ON outbox
  WHEN OLD.topic = 'national_portal.sync'
BEGIN
  INSERT OR IGNORE INTO dossier_outcomes_dirty(dossier_id) VALUES (OLD.order_key);
END;
CREATE TRIGGER payments_mark_outcome_new AFTER INSERT ON payments
BEGIN
  INSERT OR IGNORE INTO dossier_outcomes_dirty(dossier_id) VALUES (NEW.dossier_id);
END;
CREATE TRIGGER payments_mark_outcome_changed AFTER UPDATE ON payments
BEGIN
  INSERT OR IGNORE INTO dossier_outcomes_dirty(dossier_id) VALUES (OLD.dossier_id);
  INSERT OR IGNORE INTO dossier_outcomes_dirty(dossier_id) VALUES (NEW.dossier_id);
END;
CREATE TRIGGER payments_mark_outcome_gone AFTER DELETE ON payments
BEGIN
  INSERT OR IGNORE INTO dossier_outcomes_dirty(dossier_id) VALUES (OLD.dossier_id);
END;
CREATE TRIGGER papers_mark_outcome_new AFTER INSERT ON papers
BEGIN
  INSERT OR IGNORE INTO dossier_outcomes_dirty(dossier_id) VALUES (NEW.dossier_id);
END;
CREATE TRIGGER papers_mark_outcome_changed AFTER UPDATE OF dossier_id, reused_from ON papers
BEGIN
  INSERT OR IGNORE INTO dossier_outcomes_dirty(dossier_id) VALUES (OLD.dossier_id);
  INSERT OR IGNORE INTO dossier_outcomes_dirty(dossier_id) VALUES (NEW.dossier_id);
END;
CREATE TRIGGER papers_mark_outcome_gone AFTER DELETE ON papers
BEGIN
  INSERT OR IGNORE INTO dossier_outcomes_dirty(dossier_id) VALUES (OLD.dossier_id);
END;
CREATE TRIGGER ratings_mark_outcome_new AFTER INSERT ON dossier_ratings
BEGIN
  INSERT OR IGNORE INTO dossier_outcomes_dirty(dossier_id) VALUES (NEW.dossier_id);
END;
CREATE TRIGGER ratings_mark_outcome_changed AFTER UPDATE ON dossier_ratings
BEGIN
  INSERT OR IGNORE INTO dossier_outcomes_dirty(dossier_id) VALUES (OLD.dossier_id);
  INSERT OR IGNORE INTO dossier_outcomes_dirty(dossier_id) VALUES (NEW.dossier_id);
END;
CREATE TRIGGER ratings_mark_outcome_gone AFTER DELETE ON dossier_ratings
BEGIN
  INSERT OR IGNORE INTO dossier_outcomes_dirty(dossier_id) VALUES (OLD.dossier_id);
END;
CREATE TRIGGER events_mark_outcome_fact AFTER INSERT ON dossier_events
  WHEN NEW.type IN ('payment_requested', 'dossier_approved')
BEGIN
  INSERT OR IGNORE INTO dossier_outcomes_dirty(dossier_id) VALUES (NEW.dossier_id);
END;
-- @end
-- @postgres
CREATE FUNCTION outbox_mark_outcome() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO dossier_outcomes_dirty(dossier_id) VALUES (OLD.order_key) ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO dossier_outcomes_dirty(dossier_id) VALUES (NEW.order_key) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER outbox_mark_outcome_new AFTER INSERT ON outbox
  FOR EACH ROW WHEN (NEW.topic = 'national_portal.sync' AND NEW.state IN ('delivered', 'dead'))
  EXECUTE FUNCTION outbox_mark_outcome();
CREATE TRIGGER outbox_mark_outcome_changed AFTER UPDATE OF state ON outbox
  FOR EACH ROW WHEN (NEW.topic = 'national_portal.sync' AND NEW.state <> OLD.state)
  EXECUTE FUNCTION outbox_mark_outcome();
CREATE TRIGGER outbox_mark_outcome_gone AFTER DELETE ON outbox
  FOR EACH ROW WHEN (OLD.topic = 'national_portal.sync') EXECUTE FUNCTION outbox_mark_outcome();
-- Payments, papers, ratings and the two events: the dossier of the old row and of the new one.
CREATE FUNCTION dossier_fact_mark_outcome() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO dossier_outcomes_dirty(dossier_id) VALUES (OLD.dossier_id) ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO dossier_outcomes_dirty(dossier_id) VALUES (NEW.dossier_id) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER payments_mark_outcome AFTER INSERT OR UPDATE OR DELETE ON payments
  FOR EACH ROW EXECUTE FUNCTION dossier_fact_mark_outcome();
CREATE TRIGGER papers_mark_outcome_new AFTER INSERT OR DELETE ON papers
  FOR EACH ROW EXECUTE FUNCTION dossier_fact_mark_outcome();
CREATE TRIGGER papers_mark_outcome_changed AFTER UPDATE OF dossier_id, reused_from ON papers
  FOR EACH ROW EXECUTE FUNCTION dossier_fact_mark_outcome();
CREATE TRIGGER ratings_mark_outcome AFTER INSERT OR UPDATE OR DELETE ON dossier_ratings
  FOR EACH ROW EXECUTE FUNCTION dossier_fact_mark_outcome();
CREATE TRIGGER events_mark_outcome_fact AFTER INSERT ON dossier_events
  FOR EACH ROW WHEN (NEW.type IN ('payment_requested', 'dossier_approved'))
  EXECUTE FUNCTION dossier_fact_mark_outcome();
-- @end
