#include "cli/calendar_follower.hpp"

#include <exception>
#include <iostream>

namespace motcua::cli {

CalendarFollower::CalendarFollower(store::Store& store, app::ActiveCalendar& active,
                                   std::chrono::milliseconds period)
    : store_(store), sync_(active), period_(period) {}

CalendarFollower::~CalendarFollower() { stop(); }

void CalendarFollower::start() {
  thread_ = std::thread([this] {
    std::unique_lock lock(mu_);
    while (!wake_.wait_for(lock, period_, [this] { return stopping_; })) {
      lock.unlock();
      // A database that does not answer for a moment, or a stored year that does not build, must
      // not stop the server: the calendar in use stays, and the next period tries again.
      try {
        follow();
      } catch (const std::exception& e) {
        std::cerr << "motcua serve: calendar check failed: " << e.what() << "\n";
      }
      lock.lock();
    }
  });
}

void CalendarFollower::stop() {
  {
    const std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool CalendarFollower::follow() {
  bool published = false;
  store_.read([&](store::SqlConnection& db) { published = sync_.follow(db); });
  return published;
}

}  // namespace motcua::cli
