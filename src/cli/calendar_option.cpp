#include "cli/calendar_option.hpp"

#include <cstdlib>
#include <filesystem>

#include "codec/calendar_files.hpp"

namespace motcua::cli {

namespace fs = std::filesystem;

void CalendarOption::add_to(CLI::App& command) {
  command.add_option("--calendar-dir", dir,
                     "Folder of <year>.json calendar files (default: data/calendars/vn)");
  command.add_flag("--include-pending-holidays", include_pending,
                   "Count days announced in policy but not yet law (e.g. 24/11) as days off");
}

std::string default_calendar_dir() {
  if (const char* env = std::getenv("MOTCUA_CALENDAR_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  const fs::path relative = fs::path("data") / "calendars" / "vn";
  std::error_code ec;
  if (fs::is_directory(relative, ec)) return relative.string();
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (const fs::path& base : {exe.parent_path().parent_path(), exe.parent_path()}) {
      if (fs::is_directory(base / relative, ec)) return (base / relative).string();
    }
  }
  return "/usr/share/motcua/calendars/vn";
}

tl::expected<calendar::WorkingCalendar, std::string> CalendarOption::load() const {
  calendar::CalendarOptions options;
  options.include_pending_holidays = include_pending;
  return codec::load_calendar(dir.empty() ? default_calendar_dir() : dir,
                              calendar::OfficeHours::standard(), options);
}

}  // namespace motcua::cli
