// Keeps a server's calendar in use (ActiveCalendar) equal to the years stored in the database when
// several servers share it: an administrator's import publishes the new calendar only on the server
// that took the request; the others notice the stored years' fingerprint changed on their next
// check and rebuild. The server calls `follow` periodically (and it is cheap: one small read).
#pragma once

#include <mutex>
#include <optional>
#include <string>

#include "app/calendar/calendar_admin.hpp"
#include "store/sql.hpp"

namespace motcua::app {

class CalendarSync {
 public:
  explicit CalendarSync(ActiveCalendar& active) : active_(active) {}

  // Reads the fingerprint on `reader`; when it differs from the one seen last, rebuilds the
  // calendar from the file years and the stored years and publishes it. Returns true when it
  // published. The first call only remembers (the server built its calendar at start-up).
  // Throws StoreError when a stored year no longer parses.
  bool follow(store::SqlConnection& reader);

 private:
  ActiveCalendar& active_;
  std::mutex mu_;
  std::optional<std::string> seen_;
};

}  // namespace motcua::app
