#include "cli/warning_job.hpp"

#include <exception>
#include <iostream>

#include "app/admin/retention.hpp"
#include "app/admin/upload_sweep.hpp"
#include "app/warnings/due_warnings.hpp"

namespace motcua::cli {

WarningJob::WarningJob(store::Store& store, const app::ActiveCalendar& active,
                       std::function<Instant()> now, std::chrono::milliseconds period,
                       codec::RetentionRules retention, std::string uploads_dir)
    : store_(store),
      active_(active),
      now_(std::move(now)),
      period_(period),
      retention_(retention),
      uploads_dir_(std::move(uploads_dir)) {}

WarningJob::~WarningJob() { stop(); }

void WarningJob::start() {
  thread_ = std::thread([this] {
    std::unique_lock lock(mu_);
    // The first run comes one period after start, so a server starting does not race its own
    // start-up writes; later ones follow every period.
    while (!wake_.wait_for(lock, period_, [this] { return stopping_; })) {
      lock.unlock();
      // A database that does not answer for a moment must not stop the server: the next period
      // tries again, and the idempotency keys make a repeated run harmless.
      try {
        run_once();
      } catch (const std::exception& e) {
        std::cerr << "motcua serve: warnings job failed: " << e.what() << "\n";
      }
      lock.lock();
    }
  });
}

void WarningJob::stop() {
  {
    const std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void WarningJob::run_once() {
  const auto cal = active_.snapshot();
  const Instant now = now_();
  // Retention first and apart, so a failing warning never holds back a deletion the rules
  // require, nor the reverse (each is retried next period).
  try {
    app::RetentionRun run;
    store_.write([&](store::SqlConnection& db) {
      run = app::apply_retention(db, retention_, now, cal->utc_offset_minutes());
    });
    if (!uploads_dir_.empty() && !run.released_files.empty()) {
      app::sweep_released_files(store_, uploads_dir_, run.released_files, now,
                                cal->utc_offset_minutes());
    }
  } catch (const std::exception& e) {
    std::cerr << "motcua serve: retention failed: " << e.what() << "\n";
  }
  if (!uploads_dir_.empty() && std::chrono::steady_clock::now() >= next_orphan_sweep_) {
    next_orphan_sweep_ = std::chrono::steady_clock::now() + std::chrono::hours(24);
    try {
      app::sweep_orphan_files(store_, uploads_dir_, now, cal->utc_offset_minutes());
    } catch (const std::exception& e) {
      std::cerr << "motcua serve: sweep of uploads failed: " << e.what() << "\n";
    }
  }
  store_.write([&](store::SqlConnection& db) { app::write_due_warnings(db, *cal, now); });
}

}  // namespace motcua::cli
