// The --calendar-dir option shared by every subcommand that needs the working calendar, and the
// rule that finds the data when it is not given.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "domain/calendar/working_calendar.hpp"

namespace motcua::cli {

struct CalendarOption {
  std::string dir;  // empty: found by default_calendar_dir()
  bool include_pending = false;

  void add_to(CLI::App& command);
  tl::expected<calendar::WorkingCalendar, std::string> load() const;
};

// $MOTCUA_CALENDAR_DIR, else data/calendars/vn under the working folder (the repository root),
// else beside the binary (build/../data/calendars/vn), else /usr/share/motcua/calendars/vn.
std::string default_calendar_dir();

}  // namespace motcua::cli
