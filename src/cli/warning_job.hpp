// The server's periodic warnings job (app/warnings/due_warnings.hpp): every period, due-soon
// warnings, overdue escalations and step overruns go to the outbox. Each message has its own
// idempotency key, so several servers on one database running it together write each once.
// The same sweep applies the retention rules (app/admin/retention.hpp) in its own transaction:
// what it deletes is gone for the next server too, so running it on several is harmless. After it
// commits, the files of the papers it retired are swept (app/admin/upload_sweep.hpp), and once a
// day the whole folder for files no row names (app::sweep_orphan_files).
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "app/calendar/calendar_admin.hpp"
#include "codec/retention_rules.hpp"
#include "store/store.hpp"

namespace motcua::cli {

class WarningJob {
 public:
  WarningJob(store::Store& store, const app::ActiveCalendar& active, std::function<Instant()> now,
             std::chrono::milliseconds period, codec::RetentionRules retention = {},
             std::string uploads_dir = {});
  ~WarningJob();
  WarningJob(const WarningJob&) = delete;
  WarningJob& operator=(const WarningJob&) = delete;

  void start();
  // Waits for a run in progress; idempotent. Must run before `active` is destroyed.
  void stop();

 private:
  void run_once();

  store::Store& store_;
  const app::ActiveCalendar& active_;
  std::function<Instant()> now_;
  std::chrono::milliseconds period_;
  codec::RetentionRules retention_;
  std::string uploads_dir_;  // where retired papers' files are swept; none when empty
  // When the next whole-folder sweep is due (steady time: a demo's frozen clock must not stop it).
  std::chrono::steady_clock::time_point next_orphan_sweep_{};
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace motcua::cli
