#include "store/outbox.hpp"

#include <algorithm>

namespace motcua::store {

namespace {
constexpr const char* kEnqueue =
    "INSERT INTO outbox(topic, idempotency_key, payload, created_at, available_s) "
    "VALUES (?, ?, ?, ?, ?) ON CONFLICT(idempotency_key) DO NOTHING";
constexpr const char* kPending =
    "SELECT id, topic, idempotency_key, payload, attempts FROM outbox "
    "WHERE delivered_at IS NULL AND available_s <= ? ORDER BY id LIMIT ?";
constexpr const char* kDelivered = "UPDATE outbox SET delivered_at = ? WHERE id = ?";
constexpr const char* kFailed =
    "UPDATE outbox SET attempts = attempts + 1, last_error = ?, available_s = ? WHERE id = ?";
constexpr const char* kAttempts = "SELECT attempts FROM outbox WHERE id = ?";

// The claim in one statement; only the row lock clause differs between the engines.
std::string claim_sql(Dialect dialect) {
  std::string sql =
      "UPDATE outbox SET claimed_by = ?, lease_until = ? WHERE id IN ("
      "SELECT id FROM outbox WHERE topic = ? AND delivered_at IS NULL AND available_s <= ? "
      "AND lease_until <= ? ORDER BY id LIMIT ?";
  if (dialect == Dialect::postgres) sql += " FOR UPDATE SKIP LOCKED";
  sql += ") RETURNING id, topic, idempotency_key, payload, attempts";
  return sql;
}
constexpr const char* kComplete =
    "UPDATE outbox SET delivered_at = ?, claimed_by = '', lease_until = 0 "
    "WHERE id = ? AND claimed_by = ? AND delivered_at IS NULL";
}  // namespace

bool enqueue_outbox(SqlConnection& db, const std::string& topic, const std::string& key,
                    const std::string& payload, const std::string& now_iso,
                    std::int64_t available_s) {
  return db.execute(kEnqueue, {topic, key, payload, now_iso, available_s}) == 1;
}

std::vector<OutboxMessage> pending_outbox(SqlConnection& db, std::int64_t now_s, int limit) {
  std::vector<OutboxMessage> out;
  for (const auto& r : db.query(kPending, {now_s, std::int64_t{limit}})) {
    out.push_back({r.integer(0), r.text(1), r.text(2), r.text(3), r.integer(4)});
  }
  return out;
}

void mark_delivered(SqlConnection& db, std::int64_t id, const std::string& now_iso) {
  db.execute(kDelivered, {now_iso, id});
}

std::vector<OutboxMessage> claim_outbox(SqlConnection& db, const std::string& topic, int limit,
                                        const std::string& worker, std::int64_t now_s,
                                        std::int64_t lease_s) {
  std::vector<OutboxMessage> out;
  for (const auto& r : db.query(claim_sql(db.dialect()), {worker, now_s + lease_s, topic, now_s,
                                                          now_s, std::int64_t{limit}})) {
    out.push_back({r.integer(0), r.text(1), r.text(2), r.text(3), r.integer(4)});
  }
  // RETURNING promises no order.
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

bool complete_outbox(SqlConnection& db, std::int64_t id, const std::string& worker,
                     const std::string& now_iso) {
  return db.execute(kComplete, {now_iso, id, worker}) == 1;
}

void mark_failed(SqlConnection& db, std::int64_t id, const std::string& error, std::int64_t now_s) {
  const auto row = db.query_one(kAttempts, {id});
  const std::int64_t attempts = row ? row->integer(0) : 0;
  const std::int64_t delay =
      std::min<std::int64_t>(std::int64_t{60} << std::min<std::int64_t>(attempts, 20), 86400);
  db.execute(kFailed, {error, now_s + delay, id});
}

}  // namespace motcua::store
