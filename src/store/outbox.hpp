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

// Claims up to `limit` due messages of `topic` for `worker` until now + lease_s: rows neither
// delivered nor leased to another worker whose lease is still running (a dead worker's rows come
// back when its lease ends). Several delivery workers, on several servers, never claim the same
// row at once: PostgreSQL skips rows another transaction is claiming (FOR UPDATE SKIP LOCKED);
// SQLite runs one write transaction at a time. Run it in a write job; returned in id order.
std::vector<OutboxMessage> claim_outbox(SqlConnection& db, const std::string& topic, int limit,
                                        const std::string& worker, std::int64_t now_s,
                                        std::int64_t lease_s = 300);

// Marks a claimed message delivered. False when `worker` no longer holds it (its lease ended and
// another worker claimed it): the caller's delivery may then be repeated, which the message's
// idempotency key lets the partner drop.
bool complete_outbox(SqlConnection& db, std::int64_t id, const std::string& worker,
                     const std::string& now_iso);

}  // namespace motcua::store
