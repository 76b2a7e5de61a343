// `motcua demo`: a realistic province to try the system on. Real administrative units (one
// province with a few communes and departments), the whole real national catalog, local time
// limits and internal processes for everyday procedures, demo officials and applicants, and a few
// hundred dossiers over the past months in every state, some late and some paused, all created
// through the same use cases (and so the same rules, clock and event log) as real work.
// Running it again on the same database adds nothing.
#pragma once

#include <filesystem>
#include <string>

#include "app/common/app_error.hpp"
#include "domain/calendar/working_calendar.hpp"
#include "store/store.hpp"

namespace motcua::app {

struct DemoOptions {
  std::filesystem::path data_dir = "data";  // has demo/, units/ and catalog/
  std::string config = "demo/ninh-binh.json";
  int dossiers = 300;
  int days_back = 120;
  std::uint64_t seed = 766;
  std::filesystem::path report_dir = "var";
};

struct DemoOutcome {
  std::size_t agencies = 0;
  std::size_t procedures = 0;
  std::size_t processes = 0;
  std::size_t users = 0;
  std::size_t dossiers_created = 0;
  std::map<std::string, std::size_t> dossiers_by_status;
};

tl::expected<DemoOutcome, std::string> build_demo(store::Store& store,
                                                  const calendar::WorkingCalendar& calendar,
                                                  Instant now, const DemoOptions& options);

}  // namespace motcua::app
