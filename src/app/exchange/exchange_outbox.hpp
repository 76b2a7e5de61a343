// Queuing a message to a partner instance: one "exchange" outbox row, written in the transaction
// of the event that calls for it, delivered by the engine through the exchange adapter (signed at
// each attempt). The message id is "<this instance>:<key>", so a caller's key that names its event
// (e.g. "transfer:<dossier>:<seq>") makes the row, and the receiver's record of it, unique.
#pragma once

#include <cstdint>
#include <string>

#include "app/common/app_error.hpp"
#include "store/sql.hpp"

namespace motcua::app::exchange {

struct QueuedMessage {
  std::string message_id;
  bool written = false;  // false: the same key was queued before (nothing new written)
};

// 404 when `partner_id` is not registered; 409 when exchange is not configured (empty self_id).
// `order_key` keeps one dossier's messages in order (the parent dossier id).
AppResult<QueuedMessage> queue_exchange_message(
    store::SqlConnection& db, const std::string& self_id, const std::string& partner_id,
    const std::string& kind, const std::string& key, const std::string& body,
    const std::string& order_key, const std::string& now_iso, std::int64_t now_s);

}  // namespace motcua::app::exchange
