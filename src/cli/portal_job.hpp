// The server's National Public Service Portal jobs (cli/portal_link.hpp), on a thread of their own
// (never an HTTP I/O thread): every `pull_every` the portal's new dossiers are pulled (the sync
// records go out through the delivery engine, topic national_portal.sync); every
// `reconcile_every` (a day by default) a reconciliation report is kept for the admin view. Started
// only when --portal-url is set; a portal that does not answer is logged and tried next period.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "app/calendar/calendar_admin.hpp"
#include "store/store.hpp"

namespace motcua::cli {

class PortalJob {
 public:
  PortalJob(store::Store& store, const app::ActiveCalendar& active, std::function<Instant()> now,
            std::string portal_url, std::chrono::seconds pull_every,
            std::chrono::seconds reconcile_every);
  ~PortalJob();
  PortalJob(const PortalJob&) = delete;
  PortalJob& operator=(const PortalJob&) = delete;

  void start();
  // Waits for a run in progress; idempotent. Must run before `active` is destroyed.
  void stop();

 private:
  void run_once(bool reconcile);

  store::Store& store_;
  const app::ActiveCalendar& active_;
  std::function<Instant()> now_;
  std::string portal_url_;
  std::chrono::seconds pull_every_;
  std::chrono::seconds reconcile_every_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace motcua::cli
