// Webhooks for integrators (issue 14 point 5; docs/integrations.md "Webhooks"). An administrator
// registers a URL and the dossier event types it wants, and is shown the signing secret once; each
// matching dossier event then writes one "webhook" outbox row per active subscription in the
// transaction of the event, delivered by the engine like every other message (signed by
// integrations/webhook). Registration and disabling are audited; a subscription's deliveries are
// its outbox rows, with their attempts and last error.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "store/dossier_repository.hpp"
#include "store/sql.hpp"

namespace motcua::app {

struct WebhookInput {
  std::string url;
  std::vector<std::string> event_types;  // dossier event types; ["*"]: all
  std::string description;
  std::string reason;
};

struct WebhookView {
  std::string id;
  std::string url;
  std::vector<std::string> event_types;
  std::string description;
  bool active = true;
  std::string created_by;
  std::string created_at;
  std::string disabled_at;
  std::string disabled_reason;
  std::string secret;  // only in the answer to the registration, never again
};

struct WebhookDeliveryView {
  std::int64_t id = 0;  // the outbox row
  std::string idempotency_key;
  std::string created_at;
  std::int64_t attempts = 0;
  std::string last_error;
  std::string state;  // delivered | pending | retrying
  std::string delivered_at;
};

// `key`: the 32-byte sealing key (empty: webhooks are not configured, 409).
AppResult<WebhookView> register_webhook(store::SqlConnection& db, const Actor& actor,
                                        const WebhookInput& input, const std::string& key,
                                        const std::string& now_iso);
AppResult<std::vector<WebhookView>> list_webhooks(store::SqlConnection& db, const Actor& actor);
AppResult<WebhookView> disable_webhook(store::SqlConnection& db, const Actor& actor,
                                       const std::string& id, const std::string& reason,
                                       const std::string& now_iso);
AppResult<std::vector<WebhookDeliveryView>> webhook_delivery_list(store::SqlConnection& db,
                                                                  const Actor& actor,
                                                                  const std::string& id);

// Called by the dossier commit for each stored event, after its other outbox rows: one "webhook"
// row per active subscription that wants `event_type`.
void plan_webhook_deliveries(store::SqlConnection& db, const std::string& dossier_id,
                             const std::string& event_type, std::int64_t seq,
                             const std::string& change_json, const std::string& now_iso,
                             std::int64_t now_s);

// The dossier event types a subscription may name.
std::vector<std::string> webhook_event_types();

}  // namespace motcua::app
