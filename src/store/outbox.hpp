// The outbox: side effects (mail, SMS, National Portal sync) recorded in the same transaction as
// the change that causes them, delivered later by the delivery engine (app/delivery) with retries.
// The idempotency key makes a second enqueue of the same effect a no-op and lets a partner that
// honours it drop duplicates.
//
// A row's life: pending (waiting, or retrying after a transient failure) -> delivered, or -> dead
// (a permanent failure, or too many attempts) which waits for an administrator's retry (back to
// pending) or cancel; a pending row may be cancelled too. Rows of one topic with the same non-empty
// order_key (the dossier id) are delivered strictly in id order: a row is never claimed while an
// earlier row of its topic and order_key is pending or dead, so a dead row blocks its followers
// until an administrator retries or cancels it.
#pragma once

#include <cstdint>
#include <optional>
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

// Returns false when a message with the same key already exists, or when its topic is skipped
// (set_outbox_skipped_topics). `order_key` (the dossier id, or empty for none) orders delivery
// among the rows of one topic.
bool enqueue_outbox(SqlConnection& db, const std::string& topic, const std::string& key,
                    const std::string& payload, const std::string& now_iso,
                    std::int64_t available_s, const std::string& order_key = "");

// Topics whose messages are not written at all: `motcua serve --outbox-unconfigured drop` (the
// default) names the topics whose partner connection is not configured, so that an installation
// without, say, the National Portal link does not keep a never-delivered row (about 1.1 KB) per
// dossier event forever (docs/performance.md "Storage per dossier"). Process-wide, because the
// connections are the process's configuration; set once before serving. Empty unless set, so
// every other command and the tests write every message.
void set_outbox_skipped_topics(std::vector<std::string> topics);
bool outbox_topic_skipped(const std::string& topic);

std::vector<OutboxMessage> pending_outbox(SqlConnection& db, std::int64_t now_s, int limit);
void mark_delivered(SqlConnection& db, std::int64_t id, const std::string& now_iso);
// Exponential backoff without jitter: the next try is at now + 2^attempts minutes (capped at a
// day). For callers outside the engine; the engine uses fail_outbox.
void mark_failed(SqlConnection& db, std::int64_t id, const std::string& error, std::int64_t now_s);

// Claims up to `limit` due messages of `topic` for `worker` until now + lease_s: pending rows not
// leased to another worker whose lease is still running (a dead worker's rows come back when its
// lease ends) and with no earlier open row of the same order_key. Several delivery workers, on
// several servers, never claim the same row at once: PostgreSQL skips rows another transaction is
// claiming (FOR UPDATE SKIP LOCKED); SQLite runs one write transaction at a time. Run it in a write
// job; returned in id order.
std::vector<OutboxMessage> claim_outbox(SqlConnection& db, const std::string& topic, int limit,
                                        const std::string& worker, std::int64_t now_s,
                                        std::int64_t lease_s = 300);

// Marks a claimed message delivered. False when `worker` no longer holds it (its lease ended and
// another worker claimed it, or an administrator cancelled it): the caller's delivery may then be
// repeated, which the message's idempotency key lets the partner drop.
bool complete_outbox(SqlConnection& db, std::int64_t id, const std::string& worker,
                     const std::string& now_iso, std::int64_t now_s = 0,
                     const std::string& partner_ref = "");

struct OutboxRetryPolicy {
  std::int64_t base_s = 2;         // the first retry waits up to this long
  std::int64_t cap_s = 3600;       // no wait is longer
  std::int64_t max_attempts = 10;  // the attempt that reaches this count makes the row dead
};

// The longest wait after `attempts` failed attempts: base * 2^(attempts-1), capped.
std::int64_t outbox_backoff_ceiling(std::int64_t attempts, const OutboxRetryPolicy& policy);
// Full jitter: a uniform share (`fraction` in [0, 1)) of the ceiling, so that many rows failing
// together do not come back together.
std::int64_t outbox_retry_delay(std::int64_t attempts, double fraction,
                                const OutboxRetryPolicy& policy);

enum class FailOutcome { retrying, dead, lost };
// Records a failed attempt of a claimed message: attempts + 1 and the error; the row becomes due
// again after outbox_retry_delay, or dead when `permanent` or when the attempts reach
// policy.max_attempts. `lost` when `worker` no longer holds the row.
FailOutcome fail_outbox(SqlConnection& db, std::int64_t id, const std::string& worker,
                        const std::string& error, bool permanent, std::int64_t now_s,
                        const std::string& now_iso, double fraction,
                        const OutboxRetryPolicy& policy = {});

enum class AdminOutcome { done, not_found, wrong_state };
// An administrator's retry: a dead or retrying row becomes due now with its attempts reset.
AdminOutcome retry_outbox(SqlConnection& db, std::int64_t id, std::int64_t now_s,
                          const std::string& now_iso);
// An administrator's cancel: a pending or dead row is never delivered; its followers move on.
AdminOutcome cancel_outbox(SqlConnection& db, std::int64_t id, const std::string& reason,
                           std::int64_t now_s, const std::string& now_iso);

// Per topic: rows by state, pending split into waiting (no attempt yet) and retrying.
struct OutboxTopicCounts {
  std::string topic;
  std::int64_t pending = 0;  // waiting + retrying
  std::int64_t retrying = 0;
  std::int64_t dead = 0;
  std::int64_t delivered = 0;         // ever: pruned rows stay counted (outbox_pruned)
  std::int64_t cancelled = 0;         // ever, likewise
  std::int64_t oldest_pending_s = 0;  // created_s of the oldest pending row, 0 when none
};
std::vector<OutboxTopicCounts> outbox_counts(SqlConnection& db);

// One row for the administrators' list; the payload is the caller's to reduce to the recipient.
struct OutboxRow {
  std::int64_t id = 0;
  std::string topic;
  std::string idempotency_key;
  std::string order_key;
  std::string state;
  std::int64_t attempts = 0;
  std::string last_error;
  std::string partner_ref;
  std::string created_at;
  std::string updated_at;
  std::string cancel_reason;
  std::string payload;
};
struct OutboxFilter {
  std::string topic;  // empty: every topic
  std::string state;  // pending | retrying | delivered | dead | cancelled; empty: every state
  int limit = 50;
};
// Newest first.
std::vector<OutboxRow> outbox_rows(SqlConnection& db, const OutboxFilter& filter);
std::optional<OutboxRow> outbox_row(SqlConnection& db, std::int64_t id);

// Deletes delivered and cancelled rows whose last change is older than `before_s`; the event log
// keeps the facts, outbox_pruned their number per topic (outbox_counts adds it), and
// portal_sync_delivered the dossiers whose National Portal sync was delivered (the statistics'
// "synced"). Pending and dead rows always stay. Returns how many went.
std::int64_t prune_outbox(SqlConnection& db, std::int64_t before_s);

}  // namespace motcua::store
