#include "store/webhook_repository.hpp"

namespace motcua::store {

namespace {

constexpr const char* kColumns =
    "SELECT id, url, event_types, description, secret_sealed, active, created_by, created_at, "
    "disabled_by, disabled_at, disabled_reason FROM webhook_subscriptions ";
constexpr const char* kInsert =
    "INSERT INTO webhook_subscriptions(id, url, event_types, description, secret_sealed, active, "
    "created_by, created_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)";
constexpr const char* kDisable =
    "UPDATE webhook_subscriptions SET active = 0, disabled_by = ?, disabled_at = ?, "
    "disabled_reason = ? WHERE id = ? AND active = 1";
constexpr const char* kDeliveries =
    "SELECT id, idempotency_key, created_at, attempts, last_error, delivered_at FROM outbox "
    "WHERE topic = 'webhook' AND idempotency_key LIKE ? ORDER BY id DESC LIMIT ?";

WebhookSubscriptionRow row_of(const SqlRow& r) {
  return {r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.integer(5) != 0,
          r.text(6), r.text(7), r.text(8), r.text(9), r.text(10)};
}

}  // namespace

void insert_webhook_subscription(SqlConnection& db, const WebhookSubscriptionRow& row) {
  db.execute(kInsert, {row.id, row.url, row.event_types, row.description, row.secret_sealed,
                       row.created_by, row.created_at});
}

std::vector<WebhookSubscriptionRow> list_webhook_subscriptions(SqlConnection& db) {
  std::vector<WebhookSubscriptionRow> out;
  for (const auto& r : db.query(std::string(kColumns) + "ORDER BY created_at, id"))
    out.push_back(row_of(r));
  return out;
}

std::vector<WebhookSubscriptionRow> active_webhook_subscriptions(SqlConnection& db) {
  std::vector<WebhookSubscriptionRow> out;
  for (const auto& r : db.query(std::string(kColumns) + "WHERE active = 1 ORDER BY id"))
    out.push_back(row_of(r));
  return out;
}

std::optional<WebhookSubscriptionRow> find_webhook_subscription(SqlConnection& db,
                                                                const std::string& id) {
  const auto r = db.query_one(std::string(kColumns) + "WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return row_of(*r);
}

bool disable_webhook_subscription(SqlConnection& db, const std::string& id, const std::string& by,
                                  const std::string& at, const std::string& reason) {
  return db.execute(kDisable, {by, at, reason, id}) == 1;
}

std::vector<WebhookDeliveryRow> webhook_deliveries(SqlConnection& db, const std::string& key_prefix,
                                                   int limit) {
  std::vector<WebhookDeliveryRow> out;
  for (const auto& r : db.query(kDeliveries, {key_prefix + "%", std::int64_t{limit}})) {
    out.push_back(
        {r.integer(0), r.text(1), r.text(2), r.integer(3), r.text(4), r.optional_text(5)});
  }
  return out;
}

}  // namespace motcua::store
