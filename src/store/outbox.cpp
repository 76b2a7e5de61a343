#include "store/outbox.hpp"

#include <algorithm>
#include <mutex>
#include <set>

#include "store/personal_data.hpp"

namespace motcua::store {

namespace {
constexpr const char* kEnqueue =
    "INSERT INTO outbox(topic, idempotency_key, payload, created_at, available_s, order_key, "
    "updated_at, created_s, updated_s) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT(idempotency_key) DO NOTHING";
constexpr const char* kPending =
    "SELECT id, topic, idempotency_key, payload, attempts FROM outbox "
    "WHERE state = 'pending' AND available_s <= ? ORDER BY id LIMIT ?";
constexpr const char* kDelivered =
    "UPDATE outbox SET state = 'delivered', delivered_at = ?, updated_at = ? WHERE id = ?";
constexpr const char* kFailed =
    "UPDATE outbox SET attempts = attempts + 1, last_error = ?, available_s = ? WHERE id = ?";
constexpr const char* kAttempts = "SELECT attempts FROM outbox WHERE id = ?";

// The claim in one statement; only the row lock clause differs between the engines. A row waits
// while an earlier row of its topic and order_key is pending (even leased) or dead.
std::string claim_sql(Dialect dialect) {
  std::string sql =
      "UPDATE outbox SET claimed_by = ?, lease_until = ? WHERE id IN ("
      "SELECT o.id FROM outbox o WHERE o.topic = ? AND o.state = 'pending' "
      "AND o.available_s <= ? AND o.lease_until <= ? AND (o.order_key = '' OR NOT EXISTS ("
      "SELECT 1 FROM outbox e WHERE e.topic = o.topic AND e.order_key = o.order_key "
      "AND e.id < o.id AND e.state IN ('pending', 'dead'))) ORDER BY o.id LIMIT ?";
  if (dialect == Dialect::postgres) sql += " FOR UPDATE SKIP LOCKED";
  sql += ") RETURNING id, topic, idempotency_key, payload, attempts";
  return sql;
}
constexpr const char* kComplete =
    "UPDATE outbox SET state = 'delivered', delivered_at = ?, updated_at = ?, updated_s = ?, "
    "partner_ref = ?, claimed_by = '', lease_until = 0 "
    "WHERE id = ? AND claimed_by = ? AND state = 'pending'";
constexpr const char* kHeldAttempts =
    "SELECT attempts FROM outbox WHERE id = ? AND claimed_by = ? AND state = 'pending'";
constexpr const char* kRetryLater =
    "UPDATE outbox SET attempts = attempts + 1, last_error = ?, available_s = ?, updated_at = ?, "
    "updated_s = ?, claimed_by = '', lease_until = 0 "
    "WHERE id = ? AND claimed_by = ? AND state = 'pending'";
constexpr const char* kDead =
    "UPDATE outbox SET state = 'dead', attempts = attempts + 1, last_error = ?, dead_at = ?, "
    "updated_at = ?, updated_s = ?, claimed_by = '', lease_until = 0 "
    "WHERE id = ? AND claimed_by = ? AND state = 'pending'";
constexpr const char* kState = "SELECT state, attempts FROM outbox WHERE id = ?";
constexpr const char* kAdminRetry =
    "UPDATE outbox SET state = 'pending', attempts = 0, available_s = ?, dead_at = NULL, "
    "updated_at = ?, updated_s = ?, claimed_by = '', lease_until = 0 WHERE id = ?";
constexpr const char* kAdminCancel =
    "UPDATE outbox SET state = 'cancelled', cancel_reason = ?, updated_at = ?, updated_s = ?, "
    "claimed_by = '', lease_until = 0 WHERE id = ? AND state IN ('pending', 'dead')";
constexpr const char* kCounts =
    "SELECT topic, state, CASE WHEN attempts > 0 THEN 1 ELSE 0 END, COUNT(*), MIN(created_s) "
    "FROM outbox GROUP BY topic, state, CASE WHEN attempts > 0 THEN 1 ELSE 0 END "
    "ORDER BY topic";
constexpr const char* kRowColumns =
    "SELECT id, topic, idempotency_key, order_key, state, attempts, last_error, partner_ref, "
    "created_at, updated_at, cancel_reason, payload FROM outbox";
constexpr const char* kPrunable =
    "SELECT topic, SUM(CASE WHEN state = 'delivered' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN state = 'cancelled' THEN 1 ELSE 0 END) FROM outbox "
    "WHERE state IN ('delivered', 'cancelled') AND updated_s < ? GROUP BY topic";
constexpr const char* kTallyPruned =
    "INSERT INTO outbox_pruned(topic, delivered, cancelled) VALUES (?, ?, ?) "
    "ON CONFLICT(topic) DO UPDATE SET delivered = outbox_pruned.delivered + excluded.delivered, "
    "cancelled = outbox_pruned.cancelled + excluded.cancelled";
// A delivered National Portal sync row is the statistics' proof that the dossier was synced
// (migration 0057): the dossier is recorded before the row goes.
constexpr const char* kKeepSyncDelivered =
    "INSERT INTO portal_sync_delivered(dossier_id) SELECT DISTINCT order_key FROM outbox "
    "WHERE topic = 'national_portal.sync' AND state = 'delivered' AND updated_s < ? "
    "AND order_key <> '' ON CONFLICT (dossier_id) DO NOTHING";
constexpr const char* kPrune =
    "DELETE FROM outbox WHERE state IN ('delivered', 'cancelled') AND updated_s < ?";
constexpr const char* kPrunedCounts =
    "SELECT topic, delivered, cancelled FROM outbox_pruned ORDER BY topic";

std::mutex skipped_mu;
std::set<std::string>& skipped_topics() {
  static std::set<std::string> topics;
  return topics;
}

OutboxRow row_of(const SqlRow& r) {
  return {r.integer(0), r.text(1),  r.text(2),
          r.text(3),    r.text(4),  r.integer(5),
          r.text(6),    r.text(7),  r.text(8),
          r.text(9),    r.text(10), unseal(r.text(11), "outbox", "payload", r.text(2))};
}

// A message as a deliverer takes it: the payload opened.
OutboxMessage message_of(const SqlRow& r) {
  return {r.integer(0), r.text(1), r.text(2), unseal(r.text(3), "outbox", "payload", r.text(2)),
          r.integer(4)};
}
}  // namespace

void set_outbox_skipped_topics(std::vector<std::string> topics) {
  const std::lock_guard lock(skipped_mu);
  skipped_topics() = std::set<std::string>(topics.begin(), topics.end());
}

bool outbox_topic_skipped(const std::string& topic) {
  const std::lock_guard lock(skipped_mu);
  return skipped_topics().contains(topic);
}

bool enqueue_outbox(SqlConnection& db, const std::string& topic, const std::string& key,
                    const std::string& payload, const std::string& now_iso,
                    std::int64_t available_s, const std::string& order_key) {
  if (outbox_topic_skipped(topic)) return false;
  // Sealed at rest: a notice carries the recipient's phone or e-mail and the dossier's details
  // (store/personal_data.hpp).
  return db.execute(kEnqueue, {topic, key, seal(payload, "outbox", "payload", key), now_iso,
                               available_s, order_key, now_iso, available_s, available_s}) == 1;
}

std::vector<OutboxMessage> pending_outbox(SqlConnection& db, std::int64_t now_s, int limit) {
  std::vector<OutboxMessage> out;
  for (const auto& r : db.query(kPending, {now_s, std::int64_t{limit}})) {
    out.push_back(message_of(r));
  }
  return out;
}

void mark_delivered(SqlConnection& db, std::int64_t id, const std::string& now_iso) {
  db.execute(kDelivered, {now_iso, now_iso, id});
}

std::vector<OutboxMessage> claim_outbox(SqlConnection& db, const std::string& topic, int limit,
                                        const std::string& worker, std::int64_t now_s,
                                        std::int64_t lease_s) {
  std::vector<OutboxMessage> out;
  for (const auto& r : db.query(claim_sql(db.dialect()), {worker, now_s + lease_s, topic, now_s,
                                                          now_s, std::int64_t{limit}})) {
    out.push_back(message_of(r));
  }
  // RETURNING promises no order.
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

bool complete_outbox(SqlConnection& db, std::int64_t id, const std::string& worker,
                     const std::string& now_iso, std::int64_t now_s,
                     const std::string& partner_ref) {
  return db.execute(kComplete, {now_iso, now_iso, now_s, partner_ref, id, worker}) == 1;
}

void mark_failed(SqlConnection& db, std::int64_t id, const std::string& error, std::int64_t now_s) {
  const auto row = db.query_one(kAttempts, {id});
  const std::int64_t attempts = row ? row->integer(0) : 0;
  const std::int64_t delay =
      std::min<std::int64_t>(std::int64_t{60} << std::min<std::int64_t>(attempts, 20), 86400);
  db.execute(kFailed, {error, now_s + delay, id});
}

std::int64_t outbox_backoff_ceiling(std::int64_t attempts, const OutboxRetryPolicy& policy) {
  if (attempts <= 0) return 0;
  // Shifting past the cap's bit length would overflow; the cap is reached long before.
  const std::int64_t doubled = policy.base_s << std::min<std::int64_t>(attempts - 1, 40);
  return std::min(doubled, policy.cap_s);
}

std::int64_t outbox_retry_delay(std::int64_t attempts, double fraction,
                                const OutboxRetryPolicy& policy) {
  const double share = std::clamp(fraction, 0.0, 1.0);
  const auto ceiling = outbox_backoff_ceiling(attempts, policy);
  return std::min(ceiling, static_cast<std::int64_t>(share * static_cast<double>(ceiling + 1)));
}

FailOutcome fail_outbox(SqlConnection& db, std::int64_t id, const std::string& worker,
                        const std::string& error, bool permanent, std::int64_t now_s,
                        const std::string& now_iso, double fraction,
                        const OutboxRetryPolicy& policy) {
  const auto held = db.query_one(kHeldAttempts, {id, worker});
  if (!held) return FailOutcome::lost;
  const std::int64_t attempts = held->integer(0) + 1;
  if (permanent || attempts >= policy.max_attempts) {
    db.execute(kDead, {error, now_iso, now_iso, now_s, id, worker});
    return FailOutcome::dead;
  }
  const auto next = now_s + outbox_retry_delay(attempts, fraction, policy);
  db.execute(kRetryLater, {error, next, now_iso, now_s, id, worker});
  return FailOutcome::retrying;
}

AdminOutcome retry_outbox(SqlConnection& db, std::int64_t id, std::int64_t now_s,
                          const std::string& now_iso) {
  const auto row = db.query_one(kState, {id});
  if (!row) return AdminOutcome::not_found;
  const auto state = row->text(0);
  const bool retrying = state == "pending" && row->integer(1) > 0;
  if (state != "dead" && !retrying) return AdminOutcome::wrong_state;
  db.execute(kAdminRetry, {now_s, now_iso, now_s, id});
  return AdminOutcome::done;
}

AdminOutcome cancel_outbox(SqlConnection& db, std::int64_t id, const std::string& reason,
                           std::int64_t now_s, const std::string& now_iso) {
  if (!db.query_one(kState, {id})) return AdminOutcome::not_found;
  return db.execute(kAdminCancel, {reason, now_iso, now_s, id}) == 1 ? AdminOutcome::done
                                                                     : AdminOutcome::wrong_state;
}

std::vector<OutboxTopicCounts> outbox_counts(SqlConnection& db) {
  std::vector<OutboxTopicCounts> out;
  for (const auto& r : db.query(kCounts, {})) {
    if (out.empty() || out.back().topic != r.text(0)) out.push_back({.topic = r.text(0)});
    auto& c = out.back();
    const auto state = r.text(1);
    const auto n = r.integer(3);
    if (state == "pending") {
      c.pending += n;
      if (r.integer(2) == 1) c.retrying += n;
      const auto oldest = r.integer(4);
      if (c.oldest_pending_s == 0 || oldest < c.oldest_pending_s) c.oldest_pending_s = oldest;
    } else if (state == "dead") {
      c.dead += n;
    } else if (state == "delivered") {
      c.delivered += n;
    } else if (state == "cancelled") {
      c.cancelled += n;
    }
  }
  // The rows pruning removed, still counted; a topic may have nothing else left.
  for (const auto& r : db.query(kPrunedCounts, {})) {
    auto at =
        std::find_if(out.begin(), out.end(), [&](const auto& c) { return c.topic >= r.text(0); });
    if (at == out.end() || at->topic != r.text(0))
      at = out.insert(at, OutboxTopicCounts{.topic = r.text(0)});
    at->delivered += r.integer(1);
    at->cancelled += r.integer(2);
  }
  return out;
}

std::vector<OutboxRow> outbox_rows(SqlConnection& db, const OutboxFilter& filter) {
  std::string sql = std::string(kRowColumns) + " WHERE 1 = 1";
  std::vector<SqlValue> params;
  if (!filter.topic.empty()) {
    sql += " AND topic = ?";
    params.emplace_back(filter.topic);
  }
  if (filter.state == "retrying") {
    sql += " AND state = 'pending' AND attempts > 0";
  } else if (!filter.state.empty()) {
    sql += " AND state = ?";
    params.emplace_back(filter.state);
  }
  sql += " ORDER BY id DESC LIMIT ?";
  params.emplace_back(std::int64_t{filter.limit});
  std::vector<OutboxRow> out;
  for (const auto& r : db.query(sql, params)) out.push_back(row_of(r));
  return out;
}

std::optional<OutboxRow> outbox_row(SqlConnection& db, std::int64_t id) {
  const auto r = db.query_one(std::string(kRowColumns) + " WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return row_of(*r);
}

std::int64_t prune_outbox(SqlConnection& db, std::int64_t before_s) {
  // Counted and deleted in the caller's one transaction: a row is either still there or counted.
  for (const auto& r : db.query(kPrunable, {before_s})) {
    db.execute(kTallyPruned, {r.text(0), r.integer(1), r.integer(2)});
  }
  db.execute(kKeepSyncDelivered, {before_s});
  return db.execute(kPrune, {before_s});
}

}  // namespace motcua::store
