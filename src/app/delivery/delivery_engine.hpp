// The delivery engine: takes due outbox rows of each topic, hands each to its topic's adapter and
// records the outcome (docs/integrations.md, "Delivery engine"). At-least-once: a row is claimed
// with a lease in one write transaction, delivered OUTSIDE any transaction (an adapter may block
// for its whole timeout), and its outcome recorded in another write transaction only while the
// lease is still this worker's. A worker that dies between the delivery and the record makes the
// row go out again after the lease; its idempotency key lets the partner drop the repeat.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "app/delivery/delivery_port.hpp"
#include "domain/calendar/date.hpp"
#include "store/outbox.hpp"
#include "store/store.hpp"

namespace motcua::app::delivery {

using Adapters = std::map<std::string, std::shared_ptr<DeliveryAdapter>>;

struct EngineSettings {
  std::string worker = "motcua";  // unique per process: host, pid and a random part
  int batch = 50;                 // rows claimed per round and topic
  std::int64_t lease_s = 60;      // longer than an adapter's longest timeout
  store::OutboxRetryPolicy policy{};
  int utc_offset_minutes = 420;         // for the times shown to administrators
  std::function<double()> jitter = {};  // uniform in [0, 1); empty: a random generator
};

// What one topic's rounds did.
struct TopicTally {
  int claimed = 0;
  int delivered = 0;
  int retried = 0;  // failed attempts to try again later
  int dead = 0;
  int lost = 0;  // outcomes not recorded: the lease had passed to another worker (or cancelled)
};

// One round for one topic: claim up to settings.batch due rows, deliver each in id order, record
// each outcome. A topic whose adapter is not configured is never claimed (its rows stay pending).
TopicTally deliver_round(store::Store& store, const std::string& topic, DeliveryAdapter& adapter,
                         const std::function<Instant()>& now, const EngineSettings& settings);

// Every configured topic, round after round while rounds make progress (a row delivered or dead
// may free the next row of its dossier): what `motcua deliver --once` runs. Rows that only failed
// again wait for their backoff and a later run.
std::map<std::string, TopicTally> deliver_due(store::Store& store, const Adapters& adapters,
                                              const std::function<Instant()>& now,
                                              const EngineSettings& settings);

// A worker id for this process: "<host>:<pid>:<random>".
std::string make_worker_id();

}  // namespace motcua::app::delivery
