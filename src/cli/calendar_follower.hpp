// Keeps this server's calendar equal to the one stored in the shared database when several servers
// run on it (app/calendar/calendar_sync.hpp): a thread checks the stored years' fingerprint every
// few seconds, so an import on another server changes the deadlines this one computes within one
// period, without a restart.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "app/calendar/calendar_sync.hpp"
#include "store/store.hpp"

namespace motcua::cli {

class CalendarFollower {
 public:
  CalendarFollower(store::Store& store, app::ActiveCalendar& active,
                   std::chrono::milliseconds period);
  ~CalendarFollower();
  CalendarFollower(const CalendarFollower&) = delete;
  CalendarFollower& operator=(const CalendarFollower&) = delete;

  // One check now; true when a changed calendar was published. The first only remembers the
  // fingerprint: call it before the server reads the stored years it starts with, so that an import
  // landing in between is seen by the next check. Throws StoreError.
  bool follow();
  // Checks every period on a thread of its own until stop().
  void start();
  // Waits for a check in progress; idempotent. Must run before `active` is destroyed.
  void stop();

 private:
  store::Store& store_;
  app::CalendarSync sync_;
  std::chrono::milliseconds period_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace motcua::cli
