#include "cli/delivery_job.hpp"

#include <exception>
#include <iostream>

#include "domain/text/mask.hpp"
#include "store/outbox.hpp"

namespace motcua::cli {

void add_delivery_engine_options(CLI::App& command, DeliveryEngineOptions& options) {
  command
      .add_option("--deliver-every-ms", options.every_ms,
                  "How often an idle delivery worker looks for due outbox rows (default: 500)")
      ->check(CLI::Range(10, 600000));
  command
      .add_option("--deliver-lease-s", options.lease_s,
                  "Seconds a claimed outbox row stays with its worker before another may take "
                  "it (default: 60; longer than any partner timeout)")
      ->check(CLI::Range(1, 86400));
  command.add_option("--deliver-batch", options.batch, "Rows claimed per round (default: 50)")
      ->check(CLI::Range(1, 10000));
  command
      .add_option("--retry-base-s", options.retry_base_s,
                  "Longest wait before the first retry; doubles each attempt (default: 2)")
      ->check(CLI::Range(1, 86400));
  command.add_option("--retry-cap-s", options.retry_cap_s, "Longest wait between retries (3600)")
      ->check(CLI::Range(1, 86400 * 7));
  command
      .add_option("--max-attempts", options.max_attempts,
                  "Attempts after which a message is dead (default: 10)")
      ->check(CLI::Range(1, 1000));
  command
      .add_option("--outbox-retention-days", options.retention_days,
                  "Days delivered and cancelled outbox rows are kept (default: 7)")
      ->check(CLI::Range(0, 3650));
  command
      .add_option("--outbox-unconfigured", options.unconfigured,
                  "drop (default): messages for a partner connection that is not configured are "
                  "not written; keep: they wait in the outbox until it is")
      ->check(CLI::IsMember({"drop", "keep"}))
      ->envname("MOTCUA_OUTBOX_UNCONFIGURED");
}

app::delivery::EngineSettings engine_settings(const DeliveryEngineOptions& options,
                                              int utc_offset_minutes) {
  app::delivery::EngineSettings s;
  s.worker = app::delivery::make_worker_id();
  s.batch = options.batch;
  s.lease_s = options.lease_s;
  s.policy = {options.retry_base_s, options.retry_cap_s, options.max_attempts};
  s.utc_offset_minutes = utc_offset_minutes;
  return s;
}

DeliveryMetrics::DeliveryMetrics(http::Metrics& metrics)
    : delivered_(metrics.counter("motcua_outbox_delivered_total",
                                 "Outbox messages a partner took, per topic.", {"topic"})),
      failed_(metrics.counter("motcua_outbox_failed_total",
                              "Failed delivery attempts to be retried, per topic.", {"topic"})),
      dead_(metrics.counter("motcua_outbox_dead_total",
                            "Outbox messages given up (permanent error or too many attempts).",
                            {"topic"})),
      pending_(
          metrics.gauge("motcua_outbox_pending", "Outbox messages waiting, per topic.", {"topic"})),
      dead_now_(metrics.gauge("motcua_outbox_dead",
                              "Dead outbox messages awaiting an "
                              "administrator, per topic.",
                              {"topic"})),
      age_(metrics.gauge("motcua_outbox_oldest_pending_seconds",
                         "Age of the oldest waiting outbox message, per topic.", {"topic"})) {}

void DeliveryMetrics::count(const std::string& topic, const app::delivery::TopicTally& tally) {
  if (tally.delivered > 0) delivered_.with({topic}).inc(tally.delivered);
  if (tally.retried > 0) failed_.with({topic}).inc(tally.retried);
  if (tally.dead > 0) dead_.with({topic}).inc(tally.dead);
}

void DeliveryMetrics::refresh(store::Store& store, std::int64_t now_s) {
  std::vector<store::OutboxTopicCounts> counts;
  store.read([&](store::SqlConnection& db) { counts = store::outbox_counts(db); });
  for (const auto& c : counts) {
    pending_.with({c.topic}).set(static_cast<double>(c.pending));
    dead_now_.with({c.topic}).set(static_cast<double>(c.dead));
    age_.with({c.topic}).set(
        c.oldest_pending_s > 0 ? static_cast<double>(now_s - c.oldest_pending_s) : 0.0);
  }
}

DeliveryJob::DeliveryJob(store::Store& store, app::delivery::Adapters adapters,
                         std::function<Instant()> now, app::delivery::EngineSettings settings,
                         const DeliveryEngineOptions& options, http::Metrics& metrics)
    : store_(store),
      adapters_(std::move(adapters)),
      now_(std::move(now)),
      settings_(std::move(settings)),
      options_(options),
      metrics_(metrics) {}

DeliveryJob::~DeliveryJob() { stop(); }

void DeliveryJob::start() {
  for (const auto& [topic, adapter] : adapters_) {
    // An unconfigured connection gets no worker: its rows wait, never claimed nor dropped.
    if (!adapter || !adapter->configured()) continue;
    threads_.emplace_back([this, topic = topic, adapter = adapter] { run_topic(topic, *adapter); });
  }
  threads_.emplace_back([this] { run_upkeep(); });
}

void DeliveryJob::stop() {
  {
    const std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& t : threads_) {
    if (t.joinable()) t.join();
  }
  threads_.clear();
}

void DeliveryJob::wake() {
  {
    const std::lock_guard lock(mu_);
    ++wakes_;
  }
  wake_.notify_all();
}

bool DeliveryJob::pause(std::chrono::milliseconds period, std::uint64_t* seen) {
  std::unique_lock lock(mu_);
  wake_.wait_for(lock, period, [&] { return stopping_ || (seen != nullptr && wakes_ != *seen); });
  if (seen != nullptr) *seen = wakes_;
  return !stopping_;
}

void DeliveryJob::run_topic(const std::string& topic, app::delivery::DeliveryAdapter& adapter) {
  const std::chrono::milliseconds period(options_.every_ms);
  std::uint64_t seen = 0;
  for (;;) {
    {
      const std::lock_guard lock(mu_);
      if (stopping_) return;
      // A commit before this round is covered by it.
      seen = wakes_;
    }
    bool progress = false;
    // A database that does not answer for a moment must not stop the worker: rows stay leased
    // at worst until the lease ends, and the next round tries again.
    try {
      const auto tally = app::delivery::deliver_round(store_, topic, adapter, now_, settings_);
      metrics_.count(topic, tally);
      // A row done may free the next row of its dossier, and more may be due: go on at once.
      // Only failures: wait, so a partner that is down is not hammered.
      progress = tally.delivered + tally.dead > 0;
    } catch (const std::exception& e) {
      // Masked: an adapter's exception may quote a recipient's phone (text/mask.hpp).
      std::cerr << "motcua serve: delivery of " << topic
                << " failed: " << text::mask_identifiers_in(e.what()) << "\n";
    }
    if (!progress && !pause(period, &seen)) return;
  }
}

void DeliveryJob::run_upkeep() {
  // Gauges every few seconds; pruning at most once an hour.
  std::int64_t last_prune = 0;
  do {
    try {
      const auto now_s = now_().seconds;
      metrics_.refresh(store_, now_s);
      if (now_s - last_prune >= 3600) {
        const std::int64_t keep_s = std::int64_t{options_.retention_days} * 86400;
        store_.write([&](store::SqlConnection& db) { store::prune_outbox(db, now_s - keep_s); });
        last_prune = now_s;
      }
    } catch (const std::exception& e) {
      std::cerr << "motcua serve: outbox upkeep failed: " << e.what() << "\n";
    }
    // Gauges need no wake-up: re-read every 5 s whatever is committed.
  } while (pause(std::chrono::seconds(5), nullptr));
}

}  // namespace motcua::cli
