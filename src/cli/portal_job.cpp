#include "cli/portal_job.hpp"

#include <exception>
#include <iostream>

#include "app/dossier/dossier_service.hpp"
#include "cli/portal_link.hpp"

namespace motcua::cli {

PortalJob::PortalJob(store::Store& store, const app::ActiveCalendar& active,
                     std::function<Instant()> now, std::string portal_url,
                     std::chrono::seconds pull_every, std::chrono::seconds reconcile_every)
    : store_(store),
      active_(active),
      now_(std::move(now)),
      portal_url_(std::move(portal_url)),
      pull_every_(pull_every),
      reconcile_every_(reconcile_every) {}

PortalJob::~PortalJob() { stop(); }

void PortalJob::start() {
  thread_ = std::thread([this] {
    // A report at the first run (the admin view has one at once), then every period.
    auto next_reconcile = std::chrono::steady_clock::now();
    std::unique_lock lock(mu_);
    // The first run comes shortly after start, so that a demo shows deliveries at once.
    auto wait = std::chrono::seconds(1);
    while (!wake_.wait_for(lock, wait, [this] { return stopping_; })) {
      lock.unlock();
      const bool reconcile = std::chrono::steady_clock::now() >= next_reconcile;
      if (reconcile) next_reconcile = std::chrono::steady_clock::now() + reconcile_every_;
      // The portal or the database not answering for a moment must not stop the server.
      try {
        run_once(reconcile);
      } catch (const std::exception& e) {
        std::cerr << "motcua serve: portal job failed: " << e.what() << "\n";
      }
      wait = pull_every_;
      lock.lock();
    }
  });
}

void PortalJob::stop() {
  {
    const std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void PortalJob::run_once(bool reconcile) {
  const auto cal = active_.snapshot();
  const int offset = cal->utc_offset_minutes();
  app::DossierService service([this] { return active_.snapshot(); }, now_);
  const auto pulled = pull_portal_once(store_, service, portal_url_, now_(), offset);
  if (pulled.contains("error"))
    std::cerr << "motcua serve: portal pull: " << pulled.at("error").as_string() << "\n";
  if (const auto* dossiers = pulled.if_contains("dossiers")) {
    for (const auto& d : dossiers->as_array()) {
      if (d.at("result") != "refused") continue;
      std::cerr << "motcua serve: portal dossier " << d.at("portal_code").as_string()
                << " refused: " << d.at("error").as_string() << "\n";
    }
  }
  if (reconcile) {
    const auto report = reconcile_portal_once(store_, portal_url_, now_(), offset);
    if (report.contains("error"))
      std::cerr << "motcua serve: portal reconcile: " << report.at("error").as_string() << "\n";
  }
}

}  // namespace motcua::cli
