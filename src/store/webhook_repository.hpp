// Webhook subscriptions (migration 0029) and their deliveries, which are the "webhook" outbox rows
// under the subscription's key prefix.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/sql.hpp"

namespace motcua::store {

struct WebhookSubscriptionRow {
  std::string id;
  std::string url;
  std::string event_types;  // space-separated, or "*"
  std::string description;
  std::string secret_sealed;
  bool active = true;
  std::string created_by;
  std::string created_at;
  std::string disabled_by;
  std::string disabled_at;
  std::string disabled_reason;
};

struct WebhookDeliveryRow {
  std::int64_t outbox_id = 0;
  std::string idempotency_key;
  std::string created_at;
  std::int64_t attempts = 0;
  std::string last_error;
  std::optional<std::string> delivered_at;
};

void insert_webhook_subscription(SqlConnection& db, const WebhookSubscriptionRow& row);
std::vector<WebhookSubscriptionRow> list_webhook_subscriptions(SqlConnection& db);
std::vector<WebhookSubscriptionRow> active_webhook_subscriptions(SqlConnection& db);
std::optional<WebhookSubscriptionRow> find_webhook_subscription(SqlConnection& db,
                                                                const std::string& id);
// False when it was disabled already (or does not exist).
bool disable_webhook_subscription(SqlConnection& db, const std::string& id, const std::string& by,
                                  const std::string& at, const std::string& reason);
// The outbox rows of topic "webhook" whose key starts with `key_prefix`, newest first.
std::vector<WebhookDeliveryRow> webhook_deliveries(SqlConnection& db, const std::string& key_prefix,
                                                   int limit);

}  // namespace motcua::store
