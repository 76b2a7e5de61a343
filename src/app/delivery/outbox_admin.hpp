// The administrators' view of the outbox (GET/POST /api/v1/admin/outbox...): per topic, whether its
// connection is configured and where it points (never secrets), how many messages wait, retry,
// died; the messages themselves with their attempts and last error (the recipient only, not the
// payload); and the two actions on a message: retry now, or cancel with a reason. Both are audited.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "app/delivery/delivery_engine.hpp"
#include "store/sql.hpp"

namespace motcua::app::delivery {

struct OutboxTopicView {
  std::string topic;
  bool configured = false;
  std::string endpoint;
  std::int64_t pending = 0;  // waiting + retrying
  std::int64_t retrying = 0;
  std::int64_t dead = 0;
  std::int64_t delivered = 0;  // kept until pruned
  std::int64_t cancelled = 0;
  std::int64_t oldest_pending_age_s = 0;
};

struct OutboxOverview {
  std::vector<OutboxTopicView> topics;
};

// Every topic with an adapter, and any other topic that has rows (no adapter: not configured).
// No actor: /healthz shows the same to the operator.
std::vector<OutboxTopicView> outbox_topics(store::SqlConnection& db, const Adapters& adapters,
                                           std::int64_t now_s);
AppResult<OutboxOverview> outbox_overview(store::SqlConnection& db, const Actor& actor,
                                          const Adapters& adapters, std::int64_t now_s);

struct OutboxMessageView {
  std::int64_t id = 0;
  std::string topic;
  std::string idempotency_key;
  std::string recipient;
  std::string state;  // pending | retrying | delivered | dead | cancelled
  std::int64_t attempts = 0;
  std::string last_error;
  std::string partner_ref;
  std::string created_at;
  std::string updated_at;
  std::string cancel_reason;
};

struct OutboxQuery {
  std::string topic;
  std::string state;
  std::string limit = "50";  // as given in the URL; 1 to 500
};
struct OutboxMessageList {
  std::vector<OutboxMessageView> messages;
};
AppResult<OutboxMessageList> list_outbox_messages(store::SqlConnection& db, const Actor& actor,
                                                  const OutboxQuery& query);

// A dead (or retrying) message becomes due now, attempts counted afresh. 409 otherwise.
AppResult<OutboxMessageView> retry_outbox_message(store::SqlConnection& db, const Actor& actor,
                                                  std::int64_t id, const std::string& reason,
                                                  std::int64_t now_s, const std::string& now_iso);
// A pending or dead message is never sent; the next message of its dossier may go. 409 otherwise;
// the reason is required.
AppResult<OutboxMessageView> cancel_outbox_message(store::SqlConnection& db, const Actor& actor,
                                                   std::int64_t id, const std::string& reason,
                                                   std::int64_t now_s, const std::string& now_iso);

}  // namespace motcua::app::delivery
