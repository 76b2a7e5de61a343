// The outbox: side effects (mail, SMS, National Portal sync) recorded in the same transaction as
// the change that causes them, delivered later by a job with retries. The idempotency key makes a
// second enqueue of the same effect a no-op and lets a partner that honours it drop duplicates.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/sql.hpp"

namespace motcua::store {

struct OutboxMessage {
  std::int64_t id = 0;
  std::string topic;            // e.g. "mail", "sms", "national_portal.sync"
  std::string idempotency_key;  // e.g. "<dossier id>:<event seq>:mail"
  std::string payload;          // JSON
  std::int64_t attempts = 0;
};

// Returns false when a message with the same key already exists.
bool enqueue_outbox(SqlConnection& db, const std::string& topic, const std::string& key,
                    const std::string& payload, const std::string& now_iso,
                    std::int64_t available_s);

std::vector<OutboxMessage> pending_outbox(SqlConnection& db, std::int64_t now_s, int limit);
void mark_delivered(SqlConnection& db, std::int64_t id, const std::string& now_iso);
// Exponential backoff: the next try is at now + 2^attempts minutes (capped at a day).
void mark_failed(SqlConnection& db, std::int64_t id, const std::string& error, std::int64_t now_s);

}  // namespace motcua::store
