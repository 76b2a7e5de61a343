// The server's delivery workers (app/delivery/delivery_engine.hpp): one thread per configured
// topic, each delivering round after round while rows are due and polling every period otherwise,
// plus one upkeep thread that refreshes the queue gauges and prunes delivered rows. Several
// servers on one database each run theirs: leases keep them off each other's rows.
#pragma once

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "app/delivery/delivery_engine.hpp"
#include "http/metrics.hpp"
#include "store/store.hpp"

namespace motcua::cli {

// The engine's knobs, shared by `motcua serve` and `motcua deliver`.
struct DeliveryEngineOptions {
  int every_ms = 500;                 // --deliver-every-ms: poll period of an idle worker
  int lease_s = 60;                   // --deliver-lease-s
  int batch = 50;                     // --deliver-batch
  int retry_base_s = 2;               // --retry-base-s: the first retry's longest wait
  int retry_cap_s = 3600;             // --retry-cap-s
  int max_attempts = 10;              // --max-attempts
  int retention_days = 7;             // --outbox-retention-days
  std::string unconfigured = "drop";  // --outbox-unconfigured: drop | keep
};
void add_delivery_engine_options(CLI::App& command, DeliveryEngineOptions& options);
app::delivery::EngineSettings engine_settings(const DeliveryEngineOptions& options,
                                              int utc_offset_minutes);

// Per-topic metrics: motcua_outbox_{delivered,failed,dead}_total counters and the queue gauges
// motcua_outbox_pending, motcua_outbox_dead and motcua_outbox_oldest_pending_seconds.
class DeliveryMetrics {
 public:
  explicit DeliveryMetrics(http::Metrics& metrics);
  void count(const std::string& topic, const app::delivery::TopicTally& tally);
  void refresh(store::Store& store, std::int64_t now_s);

 private:
  http::CounterFamily& delivered_;
  http::CounterFamily& failed_;
  http::CounterFamily& dead_;
  http::GaugeFamily& pending_;
  http::GaugeFamily& dead_now_;
  http::GaugeFamily& age_;
};

class DeliveryJob {
 public:
  DeliveryJob(store::Store& store, app::delivery::Adapters adapters, std::function<Instant()> now,
              app::delivery::EngineSettings settings, const DeliveryEngineOptions& options,
              http::Metrics& metrics);
  ~DeliveryJob();
  DeliveryJob(const DeliveryJob&) = delete;
  DeliveryJob& operator=(const DeliveryJob&) = delete;

  void start();
  // Lets a round in progress finish (bounded by the adapters' timeouts); idempotent.
  void stop();
  // Something was committed that may have enqueued a message: idle workers look now. Cheap; safe
  // from any thread (the store's writer thread calls it).
  void wake();

 private:
  void run_topic(const std::string& topic, app::delivery::DeliveryAdapter& adapter);
  void run_upkeep();
  // Waits `period`, or until stop(), or (with `seen`) until wake() moves past *seen; false when
  // stopping.
  bool pause(std::chrono::milliseconds period, std::uint64_t* seen);

  store::Store& store_;
  app::delivery::Adapters adapters_;
  std::function<Instant()> now_;
  app::delivery::EngineSettings settings_;
  DeliveryEngineOptions options_;
  DeliveryMetrics metrics_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::uint64_t wakes_ = 0;  // bumped by wake(); each worker compares with what it last saw
  std::vector<std::thread> threads_;
};

}  // namespace motcua::cli
